import Foundation

/// Warm search numbers side by side.
struct SearchComparison: Codable {
    var queries: Int
    var learncity: LatencySummary
    var baseline: LatencySummary
    var serve: PipeMeasurement
    /// learncity p50 ÷ baseline p50 (target ≤ 1.2).
    var p50Ratio: Double
    /// serve p50 ÷ baseline p50 (target ≤ 1.5), when measured.
    var serveP50Ratio: Double?

    init(queries: Int, learncity: LatencySummary, baseline: LatencySummary, serve: PipeMeasurement) {
        self.queries = queries
        self.learncity = learncity
        self.baseline = baseline
        self.serve = serve
        p50Ratio = learncity.p50Ms / max(baseline.p50Ms, 1e-9)
        serveP50Ratio = serve.latency.map { $0.p50Ms / max(baseline.p50Ms, 1e-9) }
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
        let l = indexing.learncity
        let b = indexing.baseline
        var lines: [String] = []
        lines.append("machine: \(machine.summary)")
        lines.append("corpus: \(corpus.name), \(corpus.documents) documents, \(f(corpus.textMB, 1)) MB of text")
        lines.append("")
        lines.append("INDEXING          docs/s     MB/s    wall s   CPU s   index MB  peak RSS MB")
        for r in [l, b] {
            lines.append(pad(r.engine, 14) + lpad(f(r.docsPerSecond, 0), 10) + lpad(f(r.textMBPerSecond), 8)
                + lpad(f(r.wallSeconds), 10) + lpad(f(r.cpuSeconds), 8) + lpad(f(r.indexMB, 1), 11) + lpad(f(r.peakRSSMB, 0), 13))
        }
        lines.append("ratio learncity/baseline docs/s: \(f(indexing.docsPerSecondRatio)) (target ≥ 0.70); index size ×\(f(indexing.indexSizeRatio))")
        lines.append("")
        lines.append("WARM SEARCH (\(search.queries) queries)   p50 ms   p95 ms   p99 ms      qps")
        func row(_ name: String, _ s: LatencySummary) -> String {
            pad(name, 30) + lpad(f(s.p50Ms, 3), 9) + lpad(f(s.p95Ms, 3), 9) + lpad(f(s.p99Ms, 3), 9) + lpad(f(s.queriesPerSecond, 0), 9)
        }
        lines.append(row("learncity Searcher", search.learncity))
        lines.append(row("baseline (QueryParser+Enquire)", search.baseline))
        if let serve = search.serve.latency { lines.append(row("learncity serve (pipe)", serve)) }
        if let note = search.serve.note { lines.append("serve: \(note)") }
        lines.append("ratio p50 learncity/baseline: \(f(search.p50Ratio)) (target ≤ 1.20); serve/baseline: \(f(search.serveP50Ratio)) (target ≤ 1.50)")
        lines.append("")
        lines.append("ONE-SHOT CLI (median of \(oneShot.runs) runs)  wall ms")
        lines.append(pad("learncity search", 40) + lpad(f(oneShot.learncityMedianMs, 1), 8))
        lines.append(pad("quest (baseline index)", 40) + lpad(f(oneShot.questBaselineMedianMs, 1), 8))
        lines.append(pad("quest (learncity index)", 40) + lpad(f(oneShot.questLearncityIndexMedianMs, 1), 8))
        lines.append("ratio learncity/quest: \(f(oneShot.ratio)) (target ≤ 1.50)" + (oneShot.note.map { "; \($0)" } ?? ""))
        lines.append("")
        if let r = recommend.latency {
            lines.append("RECOMMEND p50 \(f(r.p50Ms, 2)) ms, p99 \(f(r.p99Ms, 2)) ms over \(r.count) cities (target p99 < 50 ms) \(recommend.note ?? "")")
        } else {
            lines.append("RECOMMEND: \(recommend.note ?? "not measured")")
        }
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
