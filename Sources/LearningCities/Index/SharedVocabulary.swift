import Foundation
import XapianKit

/// The vocabulary database of a sharded index: a document-free Xapian
/// database (`vocabulary/` in the index folder, listed last in `index.stub`)
/// holding the accent-restoration, spelling and city-synonym tables of the
/// whole index, computed over every shard (`VocabularyTables`). Searched
/// together with the shards, Xapian merges its tables into theirs, and an
/// empty database changes no document statistics.
///
/// One table for the whole index, rather than one per shard, because
/// - `xapian-tcpsrv` serves neither synonyms nor spellings: a remote shard's
///   tables are invisible, the local vocabulary database's are not;
/// - a key's five most frequent forms per shard, merged, are not the five of
///   the whole index.
///
/// Its write lock is the sharded index's write lock: indexing, `upsert`,
/// `delete` and `compact` take it before any shard's. It records the
/// shards' revisions it was computed from (`learncity:vocabulary-source`):
/// when a crash leaves the shards committed but the tables not, the next
/// `learncity index` sees the difference and rebuilds them.
struct SharedVocabulary {
    /// Metadata key of the shard revisions the tables describe.
    static let sourceKey = "learncity:vocabulary-source"

    /// The vocabulary database, opened for writing (its lock held).
    let writer: WritableDatabase
    /// The local shard databases, in stub order.
    let shards: [String]

    /// Opens (creating) the vocabulary database at `path` and takes its lock;
    /// `shards` are the index's local shard folders.
    init(path: String, shards: [String]) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw IndexError.from(fileError: error, path: path)
        }
        do { writer = try WritableDatabase(path: path, create: true) }
        catch { throw IndexError.from(error, path: path) }
        self.shards = shards
    }

    /// Releases the lock, dropping what is uncommitted.
    func close() {
        try? writer.close()
    }

    /// The shards' state now: one line per shard, its UUID and revision.
    static func source(of shards: [String]) throws -> [UInt8] {
        var lines: [String] = []
        for shard in shards {
            do {
                let database = try Database(path: shard)
                lines.append("\(try database.uuid()) \(try database.revision())")
            } catch {
                throw IndexError.from(error, path: shard)
            }
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// True when the tables were computed from the shards as they are now
    /// (false when a shard does not exist yet).
    func isCurrent() throws -> Bool {
        guard let now = try? Self.source(of: shards) else { return false }
        return try xapian { try writer.reader().metadata(Self.sourceKey) } == now
    }

    /// Brings the tables in step once an indexing run committed the shards:
    /// rebuilt over every shard when `changed` (documents were written) or
    /// when they were stale before the run (`wasCurrent`, from `isCurrent()`
    /// before it), otherwise only marked as describing the shards' new
    /// revisions (the run rewrote their metadata, no document). Commits.
    func rebuild(synonyms: SynonymDictionary, changed: Bool, wasCurrent: Bool) throws {
        let terms = try committedShards()
        try xapian {
            try writer.transaction {
                if changed || !wasCurrent {
                    try VocabularyTables.rebuild(writer: writer, terms: terms, tables: try writer.reader(), synonyms: synonyms)
                }
                try writer.setMetadata(try Self.source(of: shards), for: Self.sourceKey)
            }
        }
    }

    /// Runs `write`, which writes and commits documents to shards and returns
    /// the words it touched, then brings their entries in step with the
    /// shards and commits (the `upsert` and `delete` of a sharded index).
    /// Tables that were stale before stay marked so: the next `index` rebuilds them.
    func update(_ write: () throws -> VocabularyTables.TouchedWords) throws {
        let wasCurrent = try isCurrent()
        let touched = try write()
        let terms = try committedShards()
        try xapian {
            try writer.transaction {
                try VocabularyTables.update(writer: writer, terms: terms, tables: try writer.reader(), touched: touched)
                if wasCurrent { try writer.setMetadata(try Self.source(of: shards), for: Self.sourceKey) }
            }
        }
    }

    /// Records that the tables describe `replacement` (the shards merged into
    /// one by a compaction, which changes no vocabulary), if they described
    /// the shards before it.
    func carry(over replacement: [String]) throws {
        guard try isCurrent() else { return }
        try xapian {
            try writer.transaction { try writer.setMetadata(try Self.source(of: replacement), for: Self.sourceKey) }
        }
    }

    /// The shards as committed, searched as one.
    private func committedShards() throws -> Database {
        var parts: [Database] = []
        for shard in shards {
            do { parts.append(try Database(path: shard)) }
            catch { throw IndexError.from(error, path: shard) }
        }
        do { return try Database(combining: parts) }
        catch { throw IndexError.from(error, path: shards.first ?? "") }
    }

    private func xapian<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as XapianError {
            throw IndexError.from(error, path: (shards.first.map { ($0 as NSString).deletingLastPathComponent }) ?? "")
        }
    }
}
