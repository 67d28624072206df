import Foundation
import XapianKit

/// Merges an index into one optimised database with Xapian's compactor
/// (`Xapian::Database::compact`) and swaps it in atomically: readers that
/// have the old files open keep reading them, new readers open the new one.
///
/// - A sharded index folder: the shards are compacted into a new folder
///   beside them (`compacted-<time>`), then `index.stub` is replaced by a
///   stub naming only that folder (write + rename), then the old shards
///   are removed. The index stays a one-shard sharded index.
/// - A plain database folder: compacted into a sibling folder, which is
///   exchanged with the original in one `renameat2(RENAME_EXCHANGE)`.
///
/// Every shard's write lock (and the vocabulary database's, which a sharded
/// index keeps beside its shards, unchanged) is held while compacting, so no
/// writer changes them meanwhile.
public struct IndexCompactor {
    /// What one compaction did.
    public struct Summary: Codable, Sendable, Equatable {
        /// The index compacted.
        public var index: String
        /// Databases merged.
        public var shardsMerged: Int
        /// Documents in the result.
        public var documents: Int
        /// Bytes on disk before.
        public var bytesBefore: Int
        /// Bytes on disk after.
        public var bytesAfter: Int
        /// Wall time in seconds.
        public var seconds: Double

        enum CodingKeys: String, CodingKey {
            case index, documents, seconds
            case shardsMerged = "shards_merged"
            case bytesBefore = "bytes_before"
            case bytesAfter = "bytes_after"
        }
    }

    /// The index to compact.
    public var indexPath: String

    /// A compactor for the index at `indexPath`.
    public init(indexPath: String) {
        self.indexPath = indexPath
    }

    /// Compacts the index.
    public func run() throws -> Summary {
        let started = Date()
        guard IndexReader.exists(at: indexPath) else { throw IndexError.notFound(indexPath) }
        let sharded = ShardedIndexLayout.isSharded(indexPath)
        let sources: [String]
        var vocabularyEntry: String?
        if sharded {
            let layout = ShardedIndexLayout(folder: indexPath)
            sources = try layout.localShardPaths(operation: "compact")
            vocabularyEntry = try ShardStub.read(from: layout.stubPath).vocabulary
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: indexPath, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ShardError.layoutMismatch(index: indexPath, reason: "compact needs an index folder, not a stub file")
            }
            sources = [indexPath]
        }
        let bytesBefore = sources.reduce(0) { $0 + Self.bytes(in: $1) }

        // Hold every write lock: no writer may change a shard while it is copied.
        var locks: [WritableDatabase] = []
        var vocabulary: SharedVocabulary?
        defer {
            vocabulary?.close()
            locks.forEach { try? $0.close() }
        }
        if let vocabularyEntry {
            let stubPath = ShardedIndexLayout(folder: indexPath).stubPath
            vocabulary = try SharedVocabulary(path: ShardStub.resolve(vocabularyEntry, stubPath: stubPath), shards: sources)
        }
        for source in sources {
            do { locks.append(try WritableDatabase(path: source, create: false)) }
            catch { throw IndexError.fromWriting(error, path: source) }
        }

        // What an earlier, killed compaction left behind (no stub names it).
        if sharded {
            let named = Set((try? ShardStub.read(from: ShardedIndexLayout(folder: indexPath).stubPath))?.entries
                .compactMap { entry -> String? in
                    if case .local(let path) = entry { return (path as NSString).lastPathComponent }
                    return nil
                } ?? [])
            LeftoverFolders.remove(in: indexPath, prefix: "compacted-", keep: named)
        } else {
            LeftoverFolders.remove(beside: indexPath, infix: ".compacting-")
        }

        let destination: String
        if sharded {
            destination = (indexPath as NSString).appendingPathComponent("compacted-\(Int(Date().timeIntervalSince1970))-\(getpid())")
        } else {
            destination = indexPath + ".compacting-\(getpid())"
        }
        do {
            try Database.compact(sources, into: destination)
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw IndexError.from(error, path: indexPath)
        }
        let documents: Int
        do { documents = try Database(path: destination).documentCount() }
        catch { throw IndexError.from(error, path: destination) }

        if sharded {
            let layout = ShardedIndexLayout(folder: indexPath)
            try vocabulary?.carry(over: [destination])
            try ShardStub(entries: [.local((destination as NSString).lastPathComponent)], vocabulary: vocabularyEntry)
                .write(to: layout.stubPath)
            locks.forEach { try? $0.close() }
            locks.removeAll()
            for source in sources { try? FileManager.default.removeItem(atPath: source) }
        } else {
            locks.forEach { try? $0.close() }
            locks.removeAll()
            do { try Database.exchangePaths(indexPath, destination) }
            catch {
                try? FileManager.default.removeItem(atPath: destination)
                throw ShardError.io(path: indexPath, reason: "cannot swap in the compacted database: \(error.message)")
            }
            try? FileManager.default.removeItem(atPath: destination)  // now the old database
        }
        let after = sharded ? Self.bytes(in: destination) : Self.bytes(in: indexPath)
        return Summary(index: indexPath, shardsMerged: sources.count, documents: documents, bytesBefore: bytesBefore,
                       bytesAfter: after, seconds: Date().timeIntervalSince(started))
    }

    /// Bytes of the files in a folder (not recursive: a database is flat).
    static func bytes(in folder: String) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: (folder as NSString).appendingPathComponent(name))
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}
