import Foundation
import XapianKit

/// Builds or refreshes the index from a corpus folder with one writer per
/// database of its `IndexPlan`: the corpus is read once on the calling
/// thread and handed to the writers through bounded queues.
///
/// - A fresh single-database index is written by `jobs` writers into
///   partial databases in parallel, merged with Xapian's compactor, given its
///   metadata and vocabulary tables once, and swapped in whole.
/// - An existing database is refreshed in place in one Xapian transaction:
///   readers see the old index until the new one is committed, a crash or
///   Ctrl-C leaves the previous revision intact; unchanged documents are
///   skipped by fingerprint, vanished ones removed.
/// - A sharded index (`shards`, or an existing one) gets one writer per
///   shard; each document goes to the shard that owns its id. Shards commit
///   only after every writer has finished without error; then the index's
///   vocabulary database is rebuilt over all of them (`SharedVocabulary`).
public struct CorpusIndexer {
    /// The corpus folder.
    public var corpusPath: String
    /// The index folder.
    public var indexPath: String
    /// Treat any corpus problem as fatal, before anything is written.
    public var strict = false
    /// Writers for a fresh single-database index (default: the number of cores).
    public var jobs: Int
    /// Shards wanted (`--shards`); nil keeps the existing layout (one database for a new index).
    public var shards: Int?
    /// Documents waiting per writer.
    public var queueCapacity = 256
    /// Called on a writer's thread when it has written its first document
    /// (into its open transaction, or its partial database): from then on an
    /// interrupted run has written something it must not leave behind. Lets
    /// a test interrupt a run at a known point instead of after a guessed delay.
    public var onFirstWrite: (@Sendable () -> Void)?

    /// An indexer from `corpusPath` into `indexPath`.
    public init(corpusPath: String, indexPath: String, strict: Bool = false, jobs: Int? = nil, shards: Int? = nil) {
        self.corpusPath = corpusPath
        self.indexPath = indexPath
        self.strict = strict
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.shards = shards
    }

    /// Runs the indexer. `issue` hears each corpus problem (file:line: reason),
    /// `progress` how far the run has got; both on the calling thread.
    public func run(issue: (CorpusIssue) -> Void = { _ in },
                    progress: (IndexProgress) -> Void = { _ in }) throws -> IndexSummary {
        let started = Date()
        LeftoverFolders.remove(beside: indexPath, infix: ".building-")
        let plan = try IndexPlan.make(indexPath: indexPath, jobs: jobs, shards: shards)
        let corpus = try PreparedCorpus(corpusPath: corpusPath, strict: strict, issue: issue)
        corpus.fileIssues.forEach(issue)
        var skipped = corpus.fileIssues.count
        let expected = (try? corpus.reader.documentLineCount()) ?? 0

        // In place, the index's own lock is taken by its writer; merged, it is
        // held (on a new, empty database) until the merged one is swapped in.
        var lock: WritableDatabase?
        var vocabulary: SharedVocabulary?
        var vocabularyWasCurrent = false
        var writers: [IndexWriter] = []
        func abandon() {
            vocabulary?.close()
            writers.forEach { $0.abandon() }
            try? lock?.close()
            if case .merged(let work) = plan.layout { try? FileManager.default.removeItem(atPath: work) }
        }
        do {
            if case .merged = plan.layout {
                do { try FileManager.default.createDirectory(atPath: indexPath, withIntermediateDirectories: true) }
                catch { throw IndexError.from(fileError: error, path: indexPath) }
                do { lock = try WritableDatabase(path: indexPath, create: true) }
                catch { throw IndexError.fromWriting(error, path: indexPath) }
            }
            if case .sharded(_, _, let path) = plan.layout {
                vocabulary = try SharedVocabulary(path: path, shards: plan.databases)
                vocabularyWasCurrent = try vocabulary!.isCurrent()
            }
            for path in plan.databases {
                let session = try IndexSession(path: path, transactional: plan.commitEvery == nil,
                                               commitEvery: plan.commitEvery)
                writers.append(IndexWriter(session: session, corpus: corpus, tables: plan.writerTables,
                                           capacity: queueCapacity, onFirstWrite: onFirstWrite))
            }
        } catch {
            abandon()
            throw error
        }
        writers.forEach { $0.start() }

        var read = 0
        progress(IndexProgress(phase: .indexing, done: 0, total: expected))
        do {
            try corpus.readDocuments(issue: { found in
                skipped += 1
                issue(found)
            }) { source in
                let target = plan.routesByOwner
                    ? ShardedIndexLayout.owner(of: source.id, shardCount: writers.count) : read % writers.count
                writers[target].queue.push(source)
                read += 1
                if read % 64 == 0 { progress(IndexProgress(phase: .indexing, done: read, total: max(expected, read))) }
            }
        } catch {
            writers.forEach { $0.queue.close() }
            writers.forEach { $0.wait() }
            abandon()
            throw error
        }
        progress(IndexProgress(phase: .indexing, done: read, total: read))
        progress(IndexProgress(phase: .finishing, done: 0, total: 0))
        writers.forEach { $0.queue.close() }
        writers.forEach { $0.wait() }

        if let failed = writers.first(where: { $0.failure != nil }) {
            let failure = failed.failure!
            abandon()
            if let xapian = failure as? XapianError { throw IndexError.from(xapian, path: failed.path) }
            throw failure
        }
        var summary = IndexSummary()
        do {
            for writer in writers {
                try writer.commit()
                summary.added += writer.session.summary.added
                summary.updated += writer.session.summary.updated
                summary.unchanged += writer.session.summary.unchanged
                summary.removed += writer.session.summary.removed
                summary.documents += writer.session.summary.documents
            }
            switch plan.layout {
            case .inPlace:
                break
            case .sharded(let stubPath, let stub, _):
                try vocabulary?.rebuild(synonyms: corpus.synonyms,
                                        changed: writers.contains { $0.session.changedDocuments },
                                        wasCurrent: vocabularyWasCurrent)
                vocabulary?.close()
                if (try? ShardStub.read(from: stubPath)) != stub { try stub.write(to: stubPath) }
            case .merged(let work):
                summary.documents = try mergeAndSwap(plan.databases, work: work, corpus: corpus, progress: progress)
                try? lock?.close()
                try? FileManager.default.removeItem(atPath: work)
            }
        } catch {
            abandon()
            throw error
        }
        summary.cities = corpus.cities.count
        summary.skipped = skipped
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Merges the partial databases into `work/merged`, writes its metadata
    /// and vocabulary tables, and exchanges it with the (empty, locked)
    /// database at the index path; returns the number of documents.
    private func mergeAndSwap(_ partials: [String], work: String, corpus: PreparedCorpus,
                              progress: (IndexProgress) -> Void) throws -> Int {
        let merged = (work as NSString).appendingPathComponent("merged")
        try PartialIndexMerge.merge(partials, into: merged) { done, total in
            progress(IndexProgress(phase: .merging, done: done, total: total))
        }
        progress(IndexProgress(phase: .finishing, done: 0, total: 0))
        let documents: Int
        do {
            let writer = try WritableDatabase(path: merged, create: false)
            defer { try? writer.close() }
            let reader = try writer.reader()
            try IndexTables.write(corpus, writer: writer, reader: reader, vocabulary: true)
            try writer.commit()
            documents = try reader.documentCount()
            try writer.close()
            try Database.exchangePaths(indexPath, merged)
        } catch let error as XapianError {
            throw IndexError.from(error, path: indexPath)
        }
        return documents
    }
}
