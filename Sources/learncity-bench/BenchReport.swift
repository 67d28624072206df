import Foundation

/// Warm search numbers side by side.
struct SearchComparison: Codable {
    var queries: Int
    /// learncity in process: 10 hits, snippets, facets, the query's filter.
    var learncity: LatencySummary
    /// learncity in process: the text alone, no snippets, no facets.
    var learncityBare: LatencySummary
    /// Plain Xapian C++ in process: QueryParser with AND, top 10 with data.
    var baseline: LatencySummary
    /// Plain Xapian from Python, the same.
    var python: LatencySummary?
    /// Through `learncity serve`, default searches.
    var serve: PipeMeasurement
    /// Through `learncity serve` with `"snippets": false, "facets": false`, the text alone.
    var serveBare: PipeMeasurement
    /// serve (bare) p50 ÷ plain Xapian C++ p50 (target ≤ 1.5).
    var serveBareRatio: Double?
    /// serve (bare) p50 ÷ plain Xapian Python p50.
    var serveBarePythonRatio: Double?

    init(queries: Int, learncity: LatencySummary, learncityBare: LatencySummary, baseline: LatencySummary,
         python: LatencySummary?, serve: PipeMeasurement, serveBare: PipeMeasurement) {
        self.queries = queries
        self.learncity = learncity
        self.learncityBare = learncityBare
        self.baseline = baseline
        self.python = python
        self.serve = serve
        self.serveBare = serveBare
        serveBareRatio = serveBare.latency.map { $0.p50Ms / max(baseline.p50Ms, 1e-9) }
        serveBarePythonRatio = serveBare.latency.flatMap { bare in python.map { bare.p50Ms / max($0.p50Ms, 1e-9) } }
    }
}

/// Everything one benchmark run measured; written as JSON and printed as a table.
struct BenchReport: Codable {
    var date: String
    var command: String
    var machine: MachineInfo
    var corpus: CorpusSummary
    var indexing: IndexingComparison
    var search: SearchComparison
    var oneShot: OneShotResult
    var recommend: PipeMeasurement
    /// `serve` read throughput with 1 and 2 workers.
    var serveThroughput: ServeThroughput?

    func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    func table() -> String {
        func f(_ value: Double?, _ digits: Int = 2) -> String {
            guard let value, !value.isNaN else { return "—" }
            return String(format: "%.\(digits)f", value)
        }
        var lines: [String] = []
        lines.append("machine: \(machine.summary)")
        lines.append("corpus: \(corpus.name), \(corpus.documents) documents, \(f(corpus.textMB, 1)) MB of text")
        lines.append("")
        lines.append("INDEXING                 docs/s     MB/s    wall s   CPU s  CPU ms/doc  index MB  peak RSS MB")
        for r in [indexing.learncityOneCore, indexing.learncityAllCores, indexing.baseline, indexing.python].compactMap({ $0 }) {
            lines.append(pad(r.engine, 22) + lpad(f(r.docsPerSecond, 0), 9) + lpad(f(r.textMBPerSecond), 9)
                + lpad(f(r.wallSeconds), 10) + lpad(f(r.cpuSeconds), 8)
                + lpad(f(r.cpuSeconds * 1000 / Double(max(r.documents, 1))), 12) + lpad(f(r.indexMB, 1), 10)
                + lpad(f(r.peakRSSMB, 0), 13))
        }
        let reference = indexing.python == nil ? "C++" : "Python"
        let oneCore = indexing.learncityOneCore == nil ? "on every core, merge included" : "--jobs 1"
        lines.append("CPU per document, learncity \(oneCore) / Xapian \(reference): ×\(f(indexing.cpuPerDocumentRatio)) (target ≤ 1.40)")
        lines.append("wall, learncity on every core / Xapian \(reference) single writer: ×\(f(indexing.wallRatio)) (target ≤ 0.77); index size ×\(f(indexing.indexSizeRatio))")
        lines.append("")
        lines.append("WARM SEARCH (\(search.queries) queries)            p50 ms   p95 ms   p99 ms      qps")
        func row(_ name: String, _ s: LatencySummary) -> String {
            pad(name, 40) + lpad(f(s.p50Ms, 3), 9) + lpad(f(s.p95Ms, 3), 9) + lpad(f(s.p99Ms, 3), 9) + lpad(f(s.queriesPerSecond, 0), 9)
        }
        lines.append(row("learncity Searcher (snippets, facets)", search.learncity))
        lines.append(row("learncity Searcher (bare)", search.learncityBare))
        lines.append(row("Xapian C++ (QueryParser AND + Enquire)", search.baseline))
        if let python = search.python { lines.append(row("Xapian Python (the same)", python)) }
        if let serve = search.serve.latency { lines.append(row("learncity serve (snippets, facets)", serve)) }
        if let serve = search.serveBare.latency { lines.append(row("learncity serve (bare)", serve)) }
        for note in [search.serve.note, search.serveBare.note].compactMap({ $0 }) { lines.append("serve: \(note)") }
        lines.append("serve default p50: \(f(search.serve.latency?.p50Ms, 3)) ms (target ≤ 1.0 on vntc-10k, ≤ 2.0 on vntc)")
        lines.append("serve bare p50 / Xapian C++ in process: ×\(f(search.serveBareRatio)) (target ≤ 1.50); / Xapian Python: ×\(f(search.serveBarePythonRatio))")
        lines.append("")
        lines.append("ONE-SHOT CLI (median of \(oneShot.runs) runs)  wall ms")
        lines.append(pad("learncity search", 40) + lpad(f(oneShot.learncityMedianMs, 1), 8))
        lines.append(pad("quest (baseline index)", 40) + lpad(f(oneShot.questBaselineMedianMs, 1), 8))
        lines.append(pad("quest (learncity index)", 40) + lpad(f(oneShot.questLearncityIndexMedianMs, 1), 8))
        lines.append(pad("learncity --help", 40) + lpad(f(oneShot.learncityHelpMedianMs, 1), 8))
        lines.append(pad("quest --help", 40) + lpad(f(oneShot.questHelpMedianMs, 1), 8))
        let helpRatio = oneShot.learncityHelpMedianMs.flatMap { l in oneShot.questHelpMedianMs.map { l / max($0, 1e-9) } }
        lines.append("ratio learncity/quest: search ×\(f(oneShot.ratio)) (target ≤ 2.00), --help ×\(f(helpRatio))" + (oneShot.note.map { "; \($0)" } ?? ""))
        lines.append("")
        if let r = recommend.latency {
            lines.append("RECOMMEND p50 \(f(r.p50Ms, 2)) ms, p99 \(f(r.p99Ms, 2)) ms over \(r.count) cities (target p99 < 50 ms) \(recommend.note ?? "")")
        } else {
            lines.append("RECOMMEND: \(recommend.note ?? "not measured")")
        }
        lines.append(contentsOf: serveThroughput?.lines() ?? ["SERVE ON EVERY CORE: not measured"])
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
