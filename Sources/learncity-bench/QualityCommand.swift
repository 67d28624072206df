import ArgumentParser
import Foundation
import LearningCities
import XapianBaseline

/// `learncity-bench quality`: relevance on the judged query set (MRR@10,
/// nDCG@10, learncity vs plain Xapian, with and without accents) and the VNTC
/// "more like this stays on topic" check, in one run.
struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Measure search quality: judged queries (MRR@10, nDCG@10) and VNTC more-like-this, learncity vs plain Xapian.")

    @Option(name: .long, help: "The learncity corpus folder the judged set refers to.")
    var corpus = "corpus"

    @Option(name: .long, help: "The judged query set (JSONL: id, lang, query, intent, relevant).")
    var judged = "bench/quality/judged-queries.jsonl"

    @Option(name: .long, help: "The VNTC sample (gzipped JSONL: id, split, topic, source, text).")
    var vntcFile = "../shared/data/vntc/vntc_sample_10k.jsonl.gz"

    @Option(name: .long, help: "VNTC documents sampled for more-like-this, stratified by topic (0 skips the check).")
    var vntcSample = 200

    @Option(name: .long, help: "Seed of the VNTC sample.")
    var seed: UInt64 = 5

    @Option(name: .long, help: "Folder of question→passage development sets (alqac/, virhe4qa/…); skipped when absent.")
    var qa = "../shared/data/qa-dev"

    @Option(name: .long, help: "Questions used per question set, spread over the folds (0: all).")
    var qaSample = 0

    @Flag(name: .long, help: "Tune the ranking parameters on the question sets' tuning folds (folds 0-2) and report the result on the held-out folds.")
    var tune = false

    @Flag(name: .long, help: "Skip the judged set (question sets only).")
    var skipJudged = false

    @Option(name: .long, help: "JSON results file (default bench-results/quality-<timestamp>.json).")
    var output: String?

    @Option(name: .long, help: "Folder for the converted corpora and the indexes (default: a temporary folder, removed).")
    var workFolder: String?

    func run() throws {
        let queries = try JudgedQuery.load(path: judged)
        let work = workFolder ?? (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("learncity-quality-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { if workFolder == nil { try? FileManager.default.removeItem(atPath: work) } }

        log("judged set: \(queries.count) queries; flattening '\(corpus)' for the baseline…")
        let shipped = (work as NSString).appendingPathComponent("shipped")
        try FileManager.default.createDirectory(atPath: shipped, withIntermediateDirectories: true)
        let prepared = try BenchCorpus.flatten(folder: corpus, work: shipped, maxDocuments: nil)
        let learncityIndex = (shipped as NSString).appendingPathComponent("index-learncity")
        let baselineIndex = (shipped as NSString).appendingPathComponent("index-baseline")
        log("indexing \(prepared.documents) documents with learncity…")
        _ = try CorpusIndexer(corpusPath: prepared.folder, indexPath: learncityIndex).run()
        log("indexing with the baseline…")
        var indexed = xb_index_result()
        guard xb_index_jsonl(prepared.flatPath, baselineIndex, &indexed) == 0 else {
            let message = withUnsafeBytes(of: indexed.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw BenchFailure(description: "baseline indexing: \(message)")
        }
        var judgedResult: JudgedSetResult?
        if !skipJudged {
            log("running the judged queries…")
            judgedResult = try JudgedSetEvaluation.run(queries: queries, learncityIndex: learncityIndex,
                                                       baselineIndex: baselineIndex,
                                                       documentIDs: try Self.ids(in: prepared.flatPath))
        }

        var qaResult: QAResult?
        if FileManager.default.fileExists(atPath: qa) {
            qaResult = try QAEvaluation.run(folder: qa, work: work, sample: qaSample, tune: tune, log: log)
        } else {
            log("no question sets at \(qa): skipped")
        }

        var moreLikeThis: MoreLikeThisResult?
        if vntcSample > 0 {
            moreLikeThis = try MoreLikeThisCheck.run(gzPath: vntcFile, work: (work as NSString).appendingPathComponent("vntc"),
                                                     sample: vntcSample, seed: seed)
        }
        let report = QualityReport(date: ISO8601DateFormatter().string(from: Date()),
                                   command: CommandLine.arguments.joined(separator: " "),
                                   judged: judgedResult, qa: qaResult, moreLikeThis: moreLikeThis)
        print(report.table())
        let path = output ?? "bench-results/quality-\(Self.timestamp()).json"
        try report.write(to: path)
        log("wrote \(path)")
    }

    /// The ids of the flat file's documents.
    static func ids(in flatPath: String) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: flatPath) else {
            throw BenchFailure(description: "cannot read \(flatPath)")
        }
        let decoder = JSONDecoder()
        return Set(data.split(separator: 0x0A).compactMap { try? decoder.decode(BenchCorpus.FlatDocument.self, from: Data($0)).id })
    }

    private static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }
}
