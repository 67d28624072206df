import Foundation
import LearningCities

/// One indexing run with its terminal feedback: corpus problems and
/// progress on standard error (a bar when it is a terminal).
struct IndexRun {
    let corpus: String
    let index: String
    let strict: Bool
    /// Shards wanted (`--shards`); nil keeps the index's layout.
    var shards: Int? = nil
    /// Writers for a new index (`--jobs`); nil: the number of cores.
    var jobs: Int? = nil
    /// Build afresh beside the index and swap it in (`--rebuild`).
    var rebuild = false

    /// The environment variable naming a file that the run creates once its
    /// first document is written: tests interrupt a run at that point.
    static let firstWriteMarkVariable = "LEARNCITY_FIRST_WRITE_MARK"

    /// Creates the file named by `LEARNCITY_FIRST_WRITE_MARK`, if it is set.
    static func firstWriteMark() -> (@Sendable () -> Void)? {
        guard let path = ProcessInfo.processInfo.environment[firstWriteMarkVariable], !path.isEmpty else { return nil }
        return { _ = FileManager.default.createFile(atPath: path, contents: Data()) }
    }

    func run() throws -> IndexSummary {
        let bar = ProgressBar(enabled: Terminal.stderrIsTerminal)
        defer { bar.finish() }
        let issue: (CorpusIssue) -> Void = { issue in
            bar.clear()
            Terminal.standardError.write("\(issue)\n")
        }
        if rebuild {
            return try IndexRebuilder(corpusPath: corpus, indexPath: index, shardCount: shards, strict: strict, jobs: jobs)
                .run(issue: issue, progress: bar.update)
        }
        var indexer = CorpusIndexer(corpusPath: corpus, indexPath: index, strict: strict, jobs: jobs, shards: shards)
        indexer.onFirstWrite = Self.firstWriteMark()
        return try indexer.run(issue: issue, progress: bar.update)
    }
}
