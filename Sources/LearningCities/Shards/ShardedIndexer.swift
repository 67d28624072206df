import Foundation
import XapianKit

/// Builds or refreshes a sharded index: N shard databases written in
/// parallel, one writer thread per shard, each in one Xapian transaction.
/// The corpus is read once; every document goes to the shard that owns its
/// id (`ShardedIndexLayout.owner`) through a bounded queue, so memory stays
/// flat. Like `CorpusIndexer`, unchanged documents are skipped by
/// fingerprint and vanished ones removed. Shards commit only after every
/// writer has finished without error; a failure cancels every transaction.
public struct ShardedIndexer {
    /// The corpus folder.
    public var corpusPath: String
    /// The index folder (holding `index.stub` and `shard-NNN`).
    public var indexPath: String
    /// Shards wanted; nil keeps the existing layout (or 1 for a new index).
    public var shardCount: Int?
    /// Treat any corpus problem as fatal, before anything is written.
    public var strict = false
    /// Documents waiting per shard writer.
    public var queueCapacity = 256

    /// An indexer from `corpusPath` into the sharded index at `indexPath`.
    public init(corpusPath: String, indexPath: String, shardCount: Int?, strict: Bool = false) {
        self.corpusPath = corpusPath
        self.indexPath = indexPath
        self.shardCount = shardCount
        self.strict = strict
    }

    /// Runs the indexer. `issue` hears each corpus problem, `progress` the
    /// number of documents read so far (both on the calling thread).
    public func run(issue: (CorpusIssue) -> Void = { _ in },
                    progress: (Int) -> Void = { _ in }) throws -> IndexSummary {
        let started = Date()
        let layout = ShardedIndexLayout(folder: indexPath)
        let (shardPaths, isNew) = try shardPathsToWrite(layout)

        let corpus = try PreparedCorpus(corpusPath: corpusPath, strict: strict, issue: issue)
        corpus.fileIssues.forEach(issue)
        var skipped = corpus.fileIssues.count

        var writers: [ShardWriter] = []
        do {
            for path in shardPaths {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                writers.append(try ShardWriter(path: path, corpus: corpus, capacity: queueCapacity))
            }
        } catch {
            writers.forEach { $0.abandon() }
            throw error
        }
        writers.forEach { $0.start() }

        var read = 0
        do {
            try corpus.readDocuments(issue: { found in
                skipped += 1
                issue(found)
            }) { source in
                writers[ShardedIndexLayout.owner(of: source.id, shardCount: writers.count)].queue.push(source)
                read += 1
                if read % 64 == 0 { progress(read) }
            }
        } catch {
            writers.forEach { $0.queue.close() }
            writers.forEach { $0.wait() }
            writers.forEach { $0.abandon() }
            throw error
        }
        progress(read)
        writers.forEach { $0.queue.close() }
        writers.forEach { $0.wait() }

        if let failed = writers.first(where: { $0.failure != nil }) {
            let failure = failed.failure!
            writers.forEach { $0.abandon() }
            if let xapian = failure as? XapianError { throw IndexError.from(xapian, path: failed.path) }
            throw failure
        }
        var summary = IndexSummary()
        for writer in writers {
            do { try writer.commit() } catch {
                writers.forEach { $0.abandon() }
                throw error
            }
            summary.added += writer.session.summary.added
            summary.updated += writer.session.summary.updated
            summary.unchanged += writer.session.summary.unchanged
            summary.removed += writer.session.summary.removed
            summary.documents += writer.session.summary.documents
        }
        summary.cities = corpus.cities.count
        summary.skipped = skipped
        if isNew {
            let entries = shardPaths.map { ShardStub.Entry.local(($0 as NSString).lastPathComponent) }
            try ShardStub(entries: entries).write(to: layout.stubPath)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The shard folders to write and whether the index is new.
    private func shardPathsToWrite(_ layout: ShardedIndexLayout) throws -> ([String], Bool) {
        if let wanted = shardCount, !(1...256).contains(wanted) {
            throw ShardError.layoutMismatch(index: indexPath, reason: "the shard count must be between 1 and 256, got \(wanted)")
        }
        if ShardedIndexLayout.isSharded(indexPath) {
            let paths = try layout.localShardPaths(operation: "index")
            if let wanted = shardCount, wanted != paths.count {
                throw ShardError.layoutMismatch(
                    index: indexPath,
                    reason: "it has \(paths.count) shard\(paths.count == 1 ? "" : "s"), not \(wanted); documents are placed by a hash of their id modulo the shard count, so index into a new folder to change it")
            }
            return (paths, false)
        }
        if IndexReader.exists(at: indexPath) {
            throw ShardError.layoutMismatch(
                index: indexPath, reason: "it is a single (unsharded) database; index into a new folder to shard it")
        }
        let count = shardCount ?? 1
        return ((0..<count).map { (indexPath as NSString).appendingPathComponent(ShardedIndexLayout.shardName($0)) }, true)
    }
}

/// One shard's writer thread: its own `IndexSession` (database, lock and
/// transaction), fed by a bounded queue of source documents.
final class ShardWriter: @unchecked Sendable {
    let path: String
    let queue: BoundedQueue<SourceDocument>
    let session: IndexSession
    private(set) var failure: Error?
    private let corpus: PreparedCorpus
    private let done = DispatchSemaphore(value: 0)

    init(path: String, corpus: PreparedCorpus, capacity: Int) throws {
        self.path = path
        self.corpus = corpus
        queue = BoundedQueue(capacity: capacity)
        session = try IndexSession(path: path)
    }

    func start() {
        let thread = Thread { [self] in
            do { try work() } catch { failure = error }
            while queue.pop() != nil {}  // never leave the reader blocked on a full queue
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.name = "learncity-shard-writer"
        thread.start()
    }

    func wait() { done.wait() }

    private func work() throws {
        while let source = queue.pop() {
            try session.apply(source, corpus: corpus)
        }
        try session.finish(corpus: corpus)
    }

    func commit() throws {
        try session.commit()
    }

    /// Drops the uncommitted transaction and releases the lock.
    func abandon() {
        session.abandon()
    }
}
