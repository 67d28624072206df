import ArgumentParser
import Foundation
import LearningCities
import XapianBaseline

/// What one indexer reported from its child process.
struct ChildIndexReport: Codable {
    var documents: Int
    var seconds: Double
    var usage: ResourceUsage
}

/// One indexer's numbers.
struct IndexingResult: Codable {
    var engine: String
    var documents: Int
    var wallSeconds: Double
    var cpuSeconds: Double
    var docsPerSecond: Double
    var textMBPerSecond: Double
    var indexMB: Double
    var peakRSSMB: Double
}

/// learncity next to the baseline, with the ratios.
struct IndexingComparison: Codable {
    var learncity: IndexingResult
    var baseline: IndexingResult
    /// learncity docs/s ÷ baseline docs/s (target ≥ 0.7).
    var docsPerSecondRatio: Double
    var indexSizeRatio: Double

    init(learncity: IndexingResult, baseline: IndexingResult) {
        self.learncity = learncity
        self.baseline = baseline
        docsPerSecondRatio = learncity.docsPerSecond / max(baseline.docsPerSecond, 1e-9)
        indexSizeRatio = learncity.indexMB / max(baseline.indexMB, 1e-9)
    }
}

/// Runs each indexer in a child process (this executable, hidden
/// subcommand), so peak RSS and CPU time belong to that indexer alone.
enum IndexingBench {
    enum Engine: String, ExpressibleByArgument {
        case learncity, baseline
    }

    static func run(engine: Engine, prepared: PreparedCorpus, index: String) throws -> IndexingResult {
        let tools = BenchTools.locate()
        let input = engine == .learncity ? prepared.folder : prepared.flatPath
        let result = try ProcessRunner.run(tools.bench, ["index-child", "--engine", engine.rawValue,
                                                         "--input", input, "--index", index])
        guard result.status == 0, let report = try? JSONDecoder().decode(ChildIndexReport.self, from: result.stdout) else {
            throw BenchFailure(description: "\(engine.rawValue) indexer failed (status \(result.status)): "
                + String(decoding: result.stderr, as: UTF8.self))
        }
        let seconds = max(report.seconds, 1e-9)
        return IndexingResult(engine: engine.rawValue, documents: report.documents, wallSeconds: report.seconds,
                              cpuSeconds: report.usage.userSeconds + report.usage.systemSeconds,
                              docsPerSecond: Double(report.documents) / seconds,
                              textMBPerSecond: Double(prepared.textBytes) / 1e6 / seconds,
                              indexMB: Double(folderSize(index)) / 1e6,
                              peakRSSMB: Double(report.usage.peakRSSBytes) / 1e6)
    }

    static func folderSize(_ path: String) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        while let relative = enumerator.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: (path as NSString).appendingPathComponent(relative))
            if attributes?[.type] as? FileAttributeType == .typeRegular {
                total += (attributes?[.size] as? NSNumber)?.intValue ?? 0
            }
        }
        return total
    }
}

/// Hidden: indexes in this (child) process and prints a `ChildIndexReport` as JSON.
struct ChildIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index-child", abstract: "Internal: one indexer in a child process.", shouldDisplay: false)

    @Option var engine: IndexingBench.Engine
    @Option var input: String
    @Option var index: String

    func run() throws {
        try? FileManager.default.removeItem(atPath: index)
        let report: ChildIndexReport
        switch engine {
        case .learncity:
            let started = Clock.now()
            let summary = try CorpusIndexer(corpusPath: input, indexPath: index).run()
            report = ChildIndexReport(documents: summary.documents, seconds: Clock.now() - started,
                                      usage: .ofThisProcess())
        case .baseline:
            var result = xb_index_result()
            let status = xb_index_jsonl(input, index, &result)
            guard status == 0 else {
                let message = withUnsafeBytes(of: result.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                throw BenchFailure(description: "baseline: \(message)")
            }
            report = ChildIndexReport(documents: Int(result.documents), seconds: result.seconds, usage: .ofThisProcess())
        }
        print(String(decoding: try JSONEncoder().encode(report), as: UTF8.self))
    }
}
