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

        let reader = CorpusReader(root: corpusPath)
        let (cities, cityIssues) = try reader.readCities()
        let knownCities = Set(cities.map(\.id))
        if strict {
            var problems = cityIssues
            try reader.readDocuments(knownCities: knownCities, issue: { problems.append($0) }) { _ in }
            guard problems.isEmpty else {
                problems.forEach(issue)
                throw CorpusError.strict(problems)
            }
        }
        var summary = IndexSummary()
        summary.cities = cities.count
        summary.skipped = cityIssues.count
        cityIssues.forEach(issue)

        var base = Fingerprint()
        base.add(TermSchema.analysisVersion)
        base.add(IndexMetadata.encode(cities))
        let analyzer = DocumentAnalyzer(cities: cities)

        var writers: [ShardWriter] = []
        do {
            for path in shardPaths {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                writers.append(try ShardWriter(path: path, analyzer: analyzer, base: base, cities: cities,
                                               capacity: queueCapacity))
            }
        } catch {
            writers.forEach { $0.abandon() }
            throw error
        }
        writers.forEach { $0.start() }

        var read = 0
        do {
            try reader.readDocuments(knownCities: knownCities, issue: { found in
                summary.skipped += 1
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
        for writer in writers {
            do { try writer.commit() } catch {
                writers.forEach { $0.abandon() }
                throw IndexError.from(error, path: writer.path)
            }
            summary.added += writer.counts.added
            summary.updated += writer.counts.updated
            summary.unchanged += writer.counts.unchanged
            summary.removed += writer.counts.removed
            summary.documents += writer.counts.documents
        }
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
            throw ShardError.layoutMismatch(index: indexPath, reason: "--shards must be between 1 and 256, got \(wanted)")
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

/// One shard's writer thread: its own WritableDatabase and transaction,
/// fed by a bounded queue of source documents.
final class ShardWriter: @unchecked Sendable {
    struct Counts {
        var added = 0, updated = 0, unchanged = 0, removed = 0, documents = 0
    }

    let path: String
    let queue: BoundedQueue<SourceDocument>
    private(set) var counts = Counts()
    private(set) var failure: Error?
    private let database: WritableDatabase
    private let analyzer: DocumentAnalyzer
    private let base: Fingerprint
    private let cities: [City]
    private let done = DispatchSemaphore(value: 0)

    init(path: String, analyzer: DocumentAnalyzer, base: Fingerprint, cities: [City], capacity: Int) throws {
        self.path = path
        self.analyzer = analyzer
        self.base = base
        self.cities = cities
        queue = BoundedQueue(capacity: capacity)
        do {
            database = try WritableDatabase(path: path, create: true)
            try database.beginTransaction()
        } catch {
            throw IndexError.from(error, path: path)
        }
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
        let view = try database.reader()
        var existing = Set(try view.allTerms(prefix: TermSchema.id).map { String($0.term.dropFirst()) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        while let source = queue.pop() {
            var fingerprint = base
            fingerprint.add(try encoder.encode(source))
            let print = fingerprint.hex
            let idTerm = TermSchema.id + source.id
            let known = existing.remove(source.id) != nil
            if known, let docid = try view.documentID(for: idTerm),
               try view.value(of: docid, slot: TermSchema.Slot.fingerprint) == Array(print.utf8) {
                counts.unchanged += 1
                continue
            }
            try database.replace(DocumentBuilder.document(for: analyzer.analyze(source), fingerprint: print),
                                 idTerm: idTerm)
            if known { counts.updated += 1 } else { counts.added += 1 }
        }
        for id in existing.sorted() {
            try database.delete(idTerm: TermSchema.id + id)
            counts.removed += 1
        }
        try database.setMetadata(IndexMetadata.encode(cities), for: IndexMetadata.cities)
        try database.setMetadata(Array(TermSchema.analysisVersion.utf8), for: IndexMetadata.analysisVersion)
        counts.documents = try view.documentCount()
    }

    func commit() throws(XapianError) {
        try database.commitTransaction()
        try database.close()
    }

    /// Drops the uncommitted transaction and releases the lock.
    func abandon() {
        try? database.close()
    }
}
