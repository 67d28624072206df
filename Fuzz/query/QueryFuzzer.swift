import FuzzSupport
import Foundation
import LearningCities

/// Fuzz target: query text → analysis → Xapian's QueryParser (through the
/// bridge) → search with facets and snippets on a small index. Errors the
/// user can act on (SearchError, CityError) are fine; anything else — an
/// internal Xapian failure, a crash, a sanitizer report — is a finding.
nonisolated(unsafe) let searcher = Searcher(index: try! IndexReader(path: FuzzFixture.index))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The first byte picks the options, the rest is the query text.
    let options = bytes.first ?? 0
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    _ = QueryAnalyzer.analyze(text)
    var request = SearchRequest(query: text, limit: Int(options & 0x07), offset: Int(options >> 6))
    request.facets = options & 0x08 != 0
    if options & 0x10 != 0 { request.lang = "vi" }
    if options & 0x20 != 0 { request.type = "news" }
    do {
        let response = try searcher.search(request)
        if response.results.count > max(request.limit, 0) { FuzzFixture.finding("more hits than the limit for \(text.debugDescription)") }
    } catch is SearchError {
    } catch is CityError {
    } catch {
        FuzzFixture.finding("query \(text.debugDescription): \(error)")
    }
    return 0
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_query_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzQuery)
}
