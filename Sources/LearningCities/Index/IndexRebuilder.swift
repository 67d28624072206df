import Foundation
import XapianKit

/// Builds an index afresh from the corpus beside the existing one (which
/// may be damaged beyond what an update can read) and swaps the two folders
/// with one `renameat2(RENAME_EXCHANGE)`, then removes the old one. Readers
/// see the old index or the new one, never a half-built one; a failed
/// rebuild leaves the old index as it was.
public struct IndexRebuilder {
    /// The corpus folder.
    public var corpusPath: String
    /// The index folder to replace.
    public var indexPath: String
    /// Shards wanted; nil keeps the layout of the index (one database, or
    /// as many shards as its `index.stub` lists).
    public var shardCount: Int?
    /// Refuse a corpus with any problem before writing.
    public var strict: Bool
    /// Writers in parallel; nil: the number of cores.
    public var jobs: Int?

    /// A rebuild of `indexPath` from `corpusPath`.
    public init(corpusPath: String, indexPath: String, shardCount: Int? = nil, strict: Bool = false, jobs: Int? = nil) {
        self.jobs = jobs
        self.corpusPath = corpusPath
        self.indexPath = indexPath
        self.shardCount = shardCount
        self.strict = strict
    }

    /// Rebuilds the index.
    public func run(issue: (CorpusIssue) -> Void = { _ in }, progress: (IndexProgress) -> Void = { _ in }) throws -> IndexSummary {
        var target = indexPath
        while target.count > 1, target.hasSuffix("/") { target.removeLast() }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw ShardError.layoutMismatch(index: target, reason: "a rebuild needs an index folder, not a stub file")
        }
        var shards = shardCount
        if shards == nil, ShardedIndexLayout.isSharded(target) {
            guard let stub = try? ShardStub.read(from: ShardedIndexLayout(folder: target).stubPath) else {
                throw ShardError.unknownShardCount(index: target)
            }
            shards = stub.entries.count
        }
        LeftoverFolders.remove(beside: target, infix: ".rebuild-")
        let fresh = target + ".rebuild-\(getpid())"
        try? FileManager.default.removeItem(atPath: fresh)
        let summary: IndexSummary
        do {
            summary = try CorpusIndexer(corpusPath: corpusPath, indexPath: fresh, strict: strict, jobs: jobs, shards: shards)
                .run(issue: issue, progress: progress)
        } catch {
            try? FileManager.default.removeItem(atPath: fresh)
            throw error
        }
        if exists {
            do {
                try Database.exchangePaths(target, fresh)
            } catch {
                try? FileManager.default.removeItem(atPath: fresh)
                throw ShardError.io(path: target, reason: "cannot swap in the rebuilt index: \(error.message)")
            }
            try? FileManager.default.removeItem(atPath: fresh)  // now the old index
        } else if rename(fresh, target) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: fresh)
            throw ShardError.io(path: target, reason: "cannot move the rebuilt index in place: \(reason)")
        }
        return summary
    }
}
