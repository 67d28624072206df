import LearningCities

/// Query text → analysis → Xapian's QueryParser (through the bridge) →
/// search with facets and snippets on the fixture index, opened once. Errors
/// the user can act on (SearchError, CityError) are fine; anything else — an
/// internal Xapian failure, more hits than the limit — is a finding (a
/// crash or a sanitizer report stops the process anyway).
public final class QueryHarness {
    private let searcher: Searcher

    /// A harness on the fixture index (built once per process).
    public init() throws {
        searcher = Searcher(index: try IndexReader(path: FuzzFixture.index))
    }

    /// Runs one input: the first byte picks the options (limit, offset,
    /// facets, language and type filters), the rest is the query text.
    public func run(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let options = bytes.first ?? 0
        let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
        _ = QueryAnalyzer.analyze(text)
        var request = SearchRequest(query: text, limit: Int(options & 0x07), offset: Int(options >> 6))
        request.facets = options & 0x08 != 0
        if options & 0x10 != 0 { request.lang = "vi" }
        if options & 0x20 != 0 { request.type = "news" }
        do {
            let response = try searcher.search(request)
            if response.results.count > max(request.limit, 0) {
                throw FuzzFinding("more hits than the limit for \(text.debugDescription)")
            }
        } catch is SearchError {
        } catch is CityError {
        } catch let finding as FuzzFinding {
            throw finding
        } catch {
            throw FuzzFinding("query \(text.debugDescription): \(error)")
        }
    }
}
