import ArgumentParser
import Foundation

/// `learncity-bench serve-throughput`: `learncity serve` read throughput with
/// 1 and 2 workers in one run, on a corpus indexed here (or an index kept
/// in `--work-folder` from an earlier run).
struct ServeThroughputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-throughput",
        abstract: "Measure serve's read throughput with 1 and 2 worker threads (same run, alternating passes).")

    @Option(name: .long, help: "shipped | vntc-10k | vntc | a corpus folder.")
    var corpus = "vntc-10k"

    @Option(name: .long, help: "Use at most this many documents of the corpus.")
    var maxDocuments: Int?

    @Option(name: .long, help: "Searches per pass.")
    var queries = 2000

    @Option(name: .long, help: "Passes per worker count (the median is reported).")
    var rounds = 3

    @Option(name: .long, help: "Folder with the VNTC *.jsonl.gz files.")
    var vntcFolder = "../shared/data/vntc"

    @Option(name: .long, help: "Folder for the converted corpus and the index; an index already there is reused.")
    var workFolder: String?

    @Option(name: .long, help: "JSON results file (default bench-results/serve-throughput-<timestamp>.json).")
    var output: String?

    func run() throws {
        let work = workFolder ?? (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("learncity-bench-serve-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if workFolder == nil { try? FileManager.default.removeItem(atPath: work) } }
        let tools = BenchTools.locate()
        log("machine: \(MachineInfo.current().summary)")
        let prepared = try BenchCorpus.prepare(corpus, vntcFolder: vntcFolder, work: work, maxDocuments: maxDocuments)
        let index = (work as NSString).appendingPathComponent("index-learncity")
        if !FileManager.default.fileExists(atPath: index) {
            log("indexing \(prepared.documents) documents…")
            _ = try IndexingBench.run(engine: .learncity, prepared: prepared, index: index)
        }
        let sampled = try QuerySampler.sample(from: prepared.flatPath, count: queries, documents: prepared.documents)
        log("serve throughput, \(sampled.count) searches, \(rounds) rounds…")
        let result = ServeThroughput.measure(tools: tools, index: index, queries: sampled, rounds: rounds)
        print(result.lines().joined(separator: "\n"))
        let path = output ?? "bench-results/serve-throughput-\(Int(Date().timeIntervalSince1970)).json"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(result).write(to: URL(fileURLWithPath: path))
        log("wrote \(path)")
    }
}
