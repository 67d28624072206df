import ArgumentParser
import Foundation

/// The benchmark run: convert the corpus, index it twice (learncity and the
/// baseline, each in a child process), search both, time the one-shot CLIs,
/// print a table and write JSON.
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the benchmark (the default subcommand).")

    @Option(name: .long, help: "shipped | vntc-10k | vntc | a corpus folder.")
    var corpus = "vntc-10k"

    @Option(name: .long, help: "Use at most this many documents of the corpus.")
    var maxDocuments: Int?

    @Option(name: .long, help: "Number of search queries (at least 1000 for a real run).")
    var queries = 1000

    @Option(name: .long, help: "Runs of each one-shot CLI command (median reported).")
    var cliRuns = 21

    @Option(name: .long, help: "JSON results file (default bench-results/<timestamp>.json).")
    var output: String?

    @Option(name: .long, help: "Folder with the VNTC *.jsonl.gz files (the project's shared data beside the package).")
    var vntcFolder = "../shared/data/vntc"

    @Option(name: .long, help: "Folder for the converted corpus and the indexes (default: a temporary folder, removed).")
    var workFolder: String?

    @Flag(name: .long, help: "Skip learncity's one-core indexing run (CPU per document then comes from the all-core run, merge included).")
    var skipOneCore = false

    @Flag(name: .long, help: "Tiny run for CI: 300 documents, 100 queries, 3 CLI runs.")
    var smoke = false

    func run() throws {
        let limitDocuments = smoke ? min(maxDocuments ?? 300, 300) : maxDocuments
        let queryCount = smoke ? 100 : queries
        let runs = smoke ? 3 : cliRuns

        let work = workFolder ?? (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("learncity-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if workFolder == nil { try? FileManager.default.removeItem(atPath: work) } }

        let tools = BenchTools.locate()
        log("machine: \(MachineInfo.current().summary)")
        log("preparing corpus '\(corpus)'…")
        let prepared = try BenchCorpus.prepare(corpus, vntcFolder: vntcFolder, work: work, maxDocuments: limitDocuments)
        log("corpus: \(prepared.documents) documents, \(String(format: "%.1f", Double(prepared.textBytes) / 1e6)) MB of text")

        let learncityIndex = (work as NSString).appendingPathComponent("index-learncity")
        let baselineIndex = (work as NSString).appendingPathComponent("index-baseline")
        var oneCore: IndexingResult?
        if !skipOneCore {
            log("indexing with learncity on one core…")
            oneCore = try IndexingBench.run(engine: .learncity, prepared: prepared, index: learncityIndex, jobs: 1)
        }
        log("indexing with learncity on every core…")
        let allCores = try IndexingBench.run(engine: .learncity, prepared: prepared, index: learncityIndex)
        log("indexing with plain Xapian (C++)…")
        let baselineIndexing = try IndexingBench.run(engine: .baseline, prepared: prepared, index: baselineIndex)
        let pythonIndex = (work as NSString).appendingPathComponent("index-python")
        var pythonIndexing: IndexingResult?
        if tools.pythonBaseline != nil {
            log("indexing with plain Xapian (Python)…")
            pythonIndexing = try IndexingBench.python(tools: tools, prepared: prepared, index: pythonIndex)
        } else {
            log("no python3-xapian: the Python baseline is skipped (scripts/install-deps installs it)")
        }

        log("sampling \(queryCount) queries…")
        let sampled = try QuerySampler.sample(from: prepared.flatPath, count: queryCount, documents: prepared.documents)
        log("warm search…")
        let learncitySearch = try SearchBench.learncity(index: learncityIndex, queries: sampled)
        let learncityBare = try SearchBench.learncity(index: learncityIndex, queries: sampled, bare: true)
        let baselineSearch = try SearchBench.baseline(index: baselineIndex, queries: sampled)
        let pythonSearch = tools.pythonBaseline == nil ? nil
            : try SearchBench.python(tools: tools, index: pythonIndex, queries: sampled, work: work)
        log("serve over a pipe…")
        let serve = ServeBench.search(tools: tools, index: learncityIndex, queries: sampled)
        let serveBare = ServeBench.search(tools: tools, index: learncityIndex, queries: sampled, bare: true)
        log("serve throughput with 1 and 2 workers…")
        let throughput = ServeThroughput.measure(tools: tools, index: learncityIndex, queries: sampled, rounds: smoke ? 1 : 3)
        log("recommend…")
        let recommend = ServeBench.recommend(tools: tools, index: learncityIndex)
        log("one-shot CLI (\(runs) runs each)…")
        let oneShot = OneShotBench.run(tools: tools, learncityIndex: learncityIndex, baselineIndex: baselineIndex,
                                       queries: sampled, runs: runs)

        let report = BenchReport(
            date: ISO8601DateFormatter().string(from: Date()),
            command: CommandLine.arguments.joined(separator: " "),
            machine: MachineInfo.current(),
            corpus: prepared.summary(name: corpus),
            indexing: IndexingComparison(learncityOneCore: oneCore, learncityAllCores: allCores,
                                         baseline: baselineIndexing, python: pythonIndexing),
            search: SearchComparison(queries: sampled.count, learncity: learncitySearch, learncityBare: learncityBare,
                                     baseline: baselineSearch, python: pythonSearch, serve: serve, serveBare: serveBare),
            oneShot: oneShot,
            recommend: recommend,
            serveThroughput: throughput)
        print(report.table())
        let path = output ?? "bench-results/\(Self.timestamp()).json"
        try report.write(to: path)
        log("wrote \(path)")
    }

    private static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }
}

/// Progress lines on stderr (stdout carries the table).
func log(_ message: String) {
    FileHandle.standardError.write(Data(("bench: " + message + "\n").utf8))
}

/// A failure of the benchmark itself.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}
