import Foundation
import XapianKit

/// Where the writers of one indexing run write, decided from what is at
/// the index path and the options:
/// - **sharded** (`--shards N`, or an existing sharded index): one writer
///   per shard, each document to the shard that owns its id; the vocabulary
///   tables go to the index's vocabulary database afterwards;
/// - **in place** (an existing, non-empty database, or one job): one writer
///   on the database itself, incremental, in one transaction;
/// - **merged** (a fresh database and several jobs): one writer per job on
///   private partial databases, merged afterwards with Xapian's compactor.
/// Every layout is a list of databases with one writer each; a single
/// database is the one-shard case.
struct IndexPlan {
    /// How the run's databases become the index.
    enum Layout {
        /// The stub file, the stub it must list once the run is committed
        /// (an older index gains its vocabulary database) and that database.
        case sharded(stubPath: String, stub: ShardStub, vocabulary: String)
        case inPlace
        case merged(work: String)
    }

    /// The databases the writers write, one writer each.
    let databases: [String]
    /// How they become the index.
    let layout: Layout

    /// Documents go to the shard owning their id (sharded) or round-robin.
    var routesByOwner: Bool {
        if case .sharded = layout { return true }
        return false
    }

    /// What each writer stores besides documents: everything for a database
    /// that is the whole index, metadata only for a shard (the vocabulary
    /// database gets the tables), nothing for a partial database (the merged
    /// one gets them once).
    var writerTables: IndexSession.Tables {
        switch layout {
        case .inPlace: return .metadataAndVocabulary
        case .sharded: return .metadata
        case .merged: return .none
        }
    }

    /// Partial databases commit this often to keep Xapian's buffers (and so
    /// peak memory) as small as one writer's with the default threshold.
    var commitEvery: Int? {
        if case .merged = layout { return max(1000, 10_000 / max(1, databases.count)) }
        return nil
    }

    /// The plan for `indexPath` with `jobs` writers and `shards` wanted.
    static func make(indexPath: String, jobs: Int, shards: Int?) throws -> IndexPlan {
        if let shards, !(1...256).contains(shards) {
            throw ShardError.layoutMismatch(index: indexPath, reason: "the shard count must be between 1 and 256, got \(shards)")
        }
        if ShardedIndexLayout.isSharded(indexPath) {
            let layout = ShardedIndexLayout(folder: indexPath)
            let paths = try layout.localShardPaths(operation: "index")
            if let shards, shards != paths.count {
                throw ShardError.layoutMismatch(
                    index: indexPath,
                    reason: "it has \(paths.count) shard\(paths.count == 1 ? "" : "s"), not \(shards); documents are placed by a hash of their id modulo the shard count, so index into a new folder to change it")
            }
            var stub = try ShardStub.read(from: layout.stubPath)
            if stub.vocabulary == nil { stub.vocabulary = ShardedIndexLayout.vocabularyName }
            let vocabulary = ShardStub.resolve(stub.vocabulary!, stubPath: layout.stubPath)
            return IndexPlan(databases: paths, layout: .sharded(stubPath: layout.stubPath, stub: stub, vocabulary: vocabulary))
        }
        let exists = IndexReader.exists(at: indexPath)
        if let shards {
            if exists {
                throw ShardError.layoutMismatch(
                    index: indexPath, reason: "it is a single (unsharded) database; index into a new folder to shard it")
            }
            let names = (0..<shards).map(ShardedIndexLayout.shardName)
            let layout = ShardedIndexLayout(folder: indexPath)
            let stub = ShardStub(entries: names.map(ShardStub.Entry.local), vocabulary: ShardedIndexLayout.vocabularyName)
            return IndexPlan(databases: names.map { (indexPath as NSString).appendingPathComponent($0) },
                             layout: .sharded(stubPath: layout.stubPath, stub: stub, vocabulary: layout.defaultVocabularyPath))
        }
        guard jobs > 1, holdsNothing(indexPath) else { return IndexPlan(databases: [indexPath], layout: .inPlace) }
        let work = indexPath + ".building-\(getpid())"
        let parts = (0..<jobs).map { (work as NSString).appendingPathComponent("part-\($0)") }
        return IndexPlan(databases: parts, layout: .merged(work: work))
    }

    /// True when `path` is absent, an empty folder, or an empty Xapian
    /// database with nothing else in its folder: only then may a merged
    /// database be swapped in for it.
    private static func holdsNothing(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return true }
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        if files.isEmpty { return true }
        guard files.allSatisfy({ $0 == "iamglass" || $0 == "flintlock" || $0.hasSuffix(".glass") }) else { return false }
        return ((try? Database(path: path).documentCount()) ?? 1) == 0
    }
}
