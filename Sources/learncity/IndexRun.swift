import Foundation
import LearningCities

/// One indexing run with its terminal feedback: corpus problems and
/// progress on standard error (a bar when it is a terminal).
struct IndexRun {
    let corpus: String
    let index: String
    let strict: Bool

    func run() throws -> IndexSummary {
        let bar = ProgressBar(enabled: Terminal.stderrIsTerminal)
        defer { bar.finish() }
        return try CorpusIndexer(corpusPath: corpus, indexPath: index, strict: strict).run(
            issue: { issue in
                bar.clear()
                Terminal.standardError.write("\(issue)\n")
            },
            progress: { bar.update(processed: $0) })
    }
}
