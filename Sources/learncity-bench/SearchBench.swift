import Foundation
import LearningCities
import XapianBaseline

/// Warm in-process search: every query once to warm caches, then every
/// query timed.
enum SearchBench {
    static func request(for query: BenchQuery) -> SearchRequest {
        SearchRequest(query: query.text, limit: 10, type: query.typeFilter, lang: query.langFilter)
    }

    /// learncity's `Searcher` (analysis, QueryParser, BM25 + boost, facets, snippets, JSON decode of hits).
    static func learncity(index: String, queries: [BenchQuery]) throws -> LatencySummary {
        let searcher = Searcher(index: try IndexReader(path: index))
        var failures = 0
        for query in queries { if (try? searcher.search(request(for: query))) == nil { failures += 1 } }
        if failures > 0 { log("learncity: \(failures) of \(queries.count) queries failed") }
        var seconds: [Double] = []
        seconds.reserveCapacity(queries.count)
        for query in queries {
            let started = Clock.now()
            _ = try? searcher.search(request(for: query))
            seconds.append(Clock.now() - started)
        }
        return LatencySummary(seconds: seconds)
    }

    /// The baseline: QueryParser defaults + Enquire on its own index, top 10 with data.
    static func baseline(index: String, queries: [BenchQuery]) throws -> LatencySummary {
        var seconds = [Double](repeating: 0, count: queries.count)
        var error = [CChar](repeating: 0, count: 512)
        let texts = queries.map { strdup($0.text) }
        defer { texts.forEach { free($0) } }
        let pointers = texts.map { UnsafePointer<CChar>($0) }
        for _ in 0..<2 {  // the first pass warms, the second is timed
            let status = pointers.withUnsafeBufferPointer { buffer in
                xb_search(index, buffer.baseAddress, queries.count, 10, &seconds, nil, &error, error.count)
            }
            guard status == 0 else { throw BenchFailure(description: "baseline search: " + String(cString: error)) }
        }
        return LatencySummary(seconds: seconds)
    }
}
