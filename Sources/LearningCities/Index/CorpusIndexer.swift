import Foundation
import XapianKit

/// Builds or refreshes the Xapian index from a corpus folder, in one Xapian
/// transaction: readers see the old index until the new one is committed
/// whole, and a crash or Ctrl-C leaves the previous revision intact.
/// Unchanged documents are skipped by fingerprint; vanished ones are removed.
public struct CorpusIndexer {
    /// The corpus folder.
    public var corpusPath: String
    /// The index folder.
    public var indexPath: String
    /// Treat any corpus problem as fatal, before anything is written.
    public var strict = false

    /// An indexer from `corpusPath` into `indexPath`.
    public init(corpusPath: String, indexPath: String, strict: Bool = false) {
        self.corpusPath = corpusPath
        self.indexPath = indexPath
        self.strict = strict
    }

    /// Runs the indexer. `issue` hears each corpus problem (file:line: reason),
    /// `progress` the number of documents processed so far.
    public func run(issue: (CorpusIssue) -> Void = { _ in },
                    progress: (Int) -> Void = { _ in }) throws -> IndexSummary {
        let started = Date()
        let corpus = try PreparedCorpus(corpusPath: corpusPath, strict: strict, issue: issue)
        corpus.fileIssues.forEach(issue)
        var skipped = corpus.fileIssues.count

        let session = try IndexSession(path: indexPath)
        defer { session.abandon() }
        var processed = 0
        try corpus.readDocuments(issue: { found in
            skipped += 1
            issue(found)
        }) { source in
            try session.apply(source, corpus: corpus)
            processed += 1
            if processed % 64 == 0 { progress(processed) }
        }
        progress(processed)
        try session.finish(corpus: corpus)
        try session.commit()

        var summary = session.summary
        summary.cities = corpus.cities.count
        summary.skipped = skipped
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
