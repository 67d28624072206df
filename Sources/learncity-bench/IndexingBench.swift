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

/// learncity on one core and on every core next to plain Xapian (C++ and Python), with the ratios.
struct IndexingComparison: Codable {
    var learncityOneCore: IndexingResult?
    var learncityAllCores: IndexingResult
    var baseline: IndexingResult
    var python: IndexingResult?
    /// CPU seconds per document, learncity --jobs 1 (or on every core when that run was skipped) ÷ plain Xapian (Python when measured, else C++); target ≤ 1.4.
    var cpuPerDocumentRatio: Double
    /// Wall time, learncity on every core ÷ plain Xapian's single writer (same reference); target ≤ 0.77.
    var wallRatio: Double
    /// learncity index size ÷ the reference's.
    var indexSizeRatio: Double

    init(learncityOneCore: IndexingResult?, learncityAllCores: IndexingResult, baseline: IndexingResult,
         python: IndexingResult?) {
        self.learncityOneCore = learncityOneCore
        self.learncityAllCores = learncityAllCores
        self.baseline = baseline
        self.python = python
        let reference = python ?? baseline
        func cpuPerDocument(_ r: IndexingResult) -> Double { r.cpuSeconds / Double(max(r.documents, 1)) }
        cpuPerDocumentRatio = cpuPerDocument(learncityOneCore ?? learncityAllCores) / max(cpuPerDocument(reference), 1e-12)
        wallRatio = learncityAllCores.wallSeconds / max(reference.wallSeconds, 1e-9)
        indexSizeRatio = learncityAllCores.indexMB / max(reference.indexMB, 1e-9)
    }
}

/// Runs each indexer in a child process (this executable, hidden
/// subcommand), so peak RSS and CPU time belong to that indexer alone.
enum IndexingBench {
    enum Engine: String, ExpressibleByArgument {
        case learncity, baseline
    }

    /// learncity with `jobs` writers (nil: the number of cores), or the C++ baseline, in a child process.
    static func run(engine: Engine, prepared: PreparedCorpus, index: String, jobs: Int? = nil) throws -> IndexingResult {
        let tools = BenchTools.locate()
        let input = engine == .learncity ? prepared.folder : prepared.flatPath
        var arguments = ["index-child", "--engine", engine.rawValue, "--input", input, "--index", index]
        if let jobs { arguments += ["--jobs", String(jobs)] }
        let child = try ProcessRunner.run(tools.bench, arguments)
        guard child.status == 0, let report = try? JSONDecoder().decode(ChildIndexReport.self, from: child.stdout) else {
            throw BenchFailure(description: "\(engine.rawValue) indexer failed (status \(child.status)): "
                + String(decoding: child.stderr, as: UTF8.self))
        }
        let name = engine == .learncity ? "learncity \(jobs.map { "--jobs \($0)" } ?? "(all cores)")" : "Xapian C++"
        return result(name, report, prepared: prepared, index: index)
    }

    /// Plain Xapian through python3-xapian (add_document, one commit), in its own process.
    static func python(tools: BenchTools, prepared: PreparedCorpus, index: String) throws -> IndexingResult {
        struct Output: Decodable {
            var documents: Int
            var seconds: Double
            var cpu_seconds: Double
            var peak_rss_bytes: Int
        }
        try? FileManager.default.removeItem(atPath: index)
        let output = try tools.runPythonBaseline(["index", prepared.flatPath, index], as: Output.self)
        let report = ChildIndexReport(documents: output.documents, seconds: output.seconds,
                                      usage: ResourceUsage(userSeconds: output.cpu_seconds, systemSeconds: 0,
                                                           peakRSSBytes: output.peak_rss_bytes))
        return result("Xapian Python", report, prepared: prepared, index: index)
    }

    private static func result(_ engine: String, _ report: ChildIndexReport, prepared: PreparedCorpus,
                               index: String) -> IndexingResult {
        let seconds = max(report.seconds, 1e-9)
        return IndexingResult(engine: engine, documents: report.documents, wallSeconds: report.seconds,
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
    @Option var jobs: Int?

    func run() throws {
        try? FileManager.default.removeItem(atPath: index)
        let report: ChildIndexReport
        switch engine {
        case .learncity:
            let started = Clock.now()
            let summary = try CorpusIndexer(corpusPath: input, indexPath: index, jobs: jobs).run()
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
