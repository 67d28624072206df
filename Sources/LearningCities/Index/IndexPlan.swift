import Foundation
import XapianKit

/// Where the writers of one indexing run write, decided from what is at
/// the index path and the options:
/// - **sharded** (`--shards N`, or an existing sharded index): one writer
///   per shard, each document to the shard that owns its id;
/// - **in place** (an existing, non-empty database, or one job): one writer
///   on the database itself, incremental, in one transaction;
/// - **merged** (a fresh database and several jobs): one writer per job on
///   private partial databases, merged afterwards with Xapian's compactor.
/// Every layout is a list of databases with one writer each; a single
/// database is the one-shard case.
struct IndexPlan {
    /// How the run's databases become the index.
    enum Layout {
        case sharded(stub: String?, entries: [String])
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

    /// Each writer stores metadata and vocabulary tables itself (all but merged,
    /// where the merged database gets them once).
    var writersBuildTables: Bool {
        if case .merged = layout { return false }
        return true
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
            let paths = try ShardedIndexLayout(folder: indexPath).localShardPaths(operation: "index")
            if let shards, shards != paths.count {
                throw ShardError.layoutMismatch(
                    index: indexPath,
                    reason: "it has \(paths.count) shard\(paths.count == 1 ? "" : "s"), not \(shards); documents are placed by a hash of their id modulo the shard count, so index into a new folder to change it")
            }
            return IndexPlan(databases: paths, layout: .sharded(stub: nil, entries: []))
        }
        let exists = IndexReader.exists(at: indexPath)
        if let shards {
            if exists {
                throw ShardError.layoutMismatch(
                    index: indexPath, reason: "it is a single (unsharded) database; index into a new folder to shard it")
            }
            let names = (0..<shards).map(ShardedIndexLayout.shardName)
            return IndexPlan(databases: names.map { (indexPath as NSString).appendingPathComponent($0) },
                             layout: .sharded(stub: ShardedIndexLayout(folder: indexPath).stubPath, entries: names))
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
