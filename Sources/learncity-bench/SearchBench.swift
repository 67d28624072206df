import Foundation
import LearningCities
import XapianBaseline

/// Warm in-process search: every query once to warm caches, then every
/// query timed.
enum SearchBench {
    /// The request for `query`: with its filter, snippets and facets; or `bare`: the text alone
    /// (as the baselines run it), without snippets and facets.
    static func request(for query: BenchQuery, bare: Bool = false) -> SearchRequest {
        bare ? SearchRequest(query: query.text, limit: 10, facets: false, snippets: false)
            : SearchRequest(query: query.text, limit: 10, type: query.typeFilter, lang: query.langFilter)
    }

    /// learncity's `Searcher` (analysis, QueryParser, BM25 + boost, facets, snippets, JSON decode of hits).
    static func learncity(index: String, queries: [BenchQuery], bare: Bool = false) throws -> LatencySummary {
        let searcher = Searcher(index: try IndexReader(path: index))
        var failures = 0
        for query in queries { if (try? searcher.search(request(for: query, bare: bare))) == nil { failures += 1 } }
        if failures > 0 { log("learncity: \(failures) of \(queries.count) queries failed") }
        var seconds: [Double] = []
        seconds.reserveCapacity(queries.count)
        for query in queries {
            let started = Clock.now()
            _ = try? searcher.search(request(for: query, bare: bare))
            seconds.append(Clock.now() - started)
        }
        return LatencySummary(seconds: seconds)
    }

    /// Plain Xapian from Python on its own index: QueryParser with AND, top 10 with data.
    static func python(tools: BenchTools, index: String, queries: [BenchQuery], work: String) throws -> LatencySummary {
        struct Output: Decodable { var seconds: [Double] }
        let file = (work as NSString).appendingPathComponent("queries.txt")
        try Data(queries.map { $0.text.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined().utf8)
            .write(to: URL(fileURLWithPath: file))
        return LatencySummary(seconds: try tools.runPythonBaseline(["search", index, file, "10"], as: Output.self).seconds)
    }

    /// The baseline: QueryParser with AND + Enquire on its own index, top 10 with data.
    static func baseline(index: String, queries: [BenchQuery]) throws -> LatencySummary {
        var seconds = [Double](repeating: 0, count: queries.count)
        var error = [CChar](repeating: 0, count: 512)
        let texts = queries.map { strdup($0.text) }
        defer { texts.forEach { free($0) } }
        let pointers = texts.map { UnsafePointer<CChar>($0) }
        for _ in 0..<2 {  // the first pass warms, the second is timed
            let status = pointers.withUnsafeBufferPointer { buffer in
                xb_search(index, buffer.baseAddress, queries.count, 1, 10, &seconds, nil, &error, error.count)
            }
            guard status == 0 else { throw BenchFailure(description: "baseline search: " + String(cString: error)) }
        }
        return LatencySummary(seconds: seconds)
    }
}
