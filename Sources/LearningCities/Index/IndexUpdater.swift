import Foundation
import XapianKit

/// Adds, replaces and deletes single documents in an existing index (the
/// `upsert` and `delete` of `learncity serve`): each call takes the write
/// lock, writes one transaction, commits it to disk and releases the lock
/// before returning, so what it reports is durable. The spelling and
/// accent-restoration tables follow in the same transaction (in a sharded
/// index: in its vocabulary database, right after the shards; its lock is
/// taken first and held throughout). Documents are analysed
/// and fingerprinted exactly as `CorpusIndexer` does, with the cities
/// stored in the index.
public struct IndexUpdater {
    /// The index folder.
    public let path: String

    /// An updater for the index at `path`.
    public init(path: String) {
        self.path = path
    }

    /// What an upsert did.
    public struct UpsertOutcome: Sendable, Equatable {
        /// Ids that were new.
        public var added: [String]
        /// Ids that replaced a document.
        public var updated: [String]
        /// Documents in the index afterwards.
        public var documents: Int
    }

    /// What a delete did.
    public struct DeleteOutcome: Sendable, Equatable {
        /// Ids that were removed.
        public var deleted: [String]
        /// Ids that were not in the index.
        public var missing: [String]
        /// Documents in the index afterwards.
        public var documents: Int
    }

    /// Adds or replaces `documents` (ids unique, city ids among the index's cities), analysed
    /// with the cities, abbreviations and vocabulary stored in the index. Each document goes to the
    /// database that owns it (the index itself, or the shard of a sharded index); each database
    /// gets one committed transaction.
    public func upsert(_ documents: [SourceDocument]) throws -> UpsertOutcome {
        var outcome = UpsertOutcome(added: [], updated: [], documents: 0)
        try write(documents, id: \.id) { group, database, view, touched in
            let preparer = try DocumentPreparer(storedIn: view)
            for source in group {
                let idTerm = TermSchema.id + source.id
                if let old = try view.documentID(for: idTerm) {
                    try touched.add(document: old, in: view)
                    outcome.updated.append(source.id)
                } else {
                    outcome.added.append(source.id)
                }
                try database.replace(preparer.document(for: source), idTerm: idTerm)
                if let new = try view.documentID(for: idTerm) { try touched.add(document: new, in: view) }
            }
        }
        outcome.documents = try documentCount()
        return outcome
    }

    /// Deletes the documents with these ids, each in the database that owns it, one committed
    /// transaction per database.
    public func delete(ids: [String]) throws -> DeleteOutcome {
        var outcome = DeleteOutcome(deleted: [], missing: [], documents: 0)
        try write(ids, id: { $0 }) { group, database, view, touched in
            for id in group {
                let idTerm = TermSchema.id + id
                if let old = try view.documentID(for: idTerm) {
                    try touched.add(document: old, in: view)
                    try database.delete(idTerm: idTerm)
                    outcome.deleted.append(id)
                } else {
                    outcome.missing.append(id)
                }
            }
        }
        outcome.documents = try documentCount()
        return outcome
    }

    /// Runs `body` in one committed transaction per database that owns some
    /// of `items` (with them, in first-seen order), gathering the words they
    /// touch, and keeps the vocabulary tables in step: in the same
    /// transaction for a single index (or a sharded index from before the
    /// vocabulary database), in the vocabulary database once the shards are
    /// committed otherwise.
    private func write<Item>(
        _ items: [Item], id: (Item) -> String,
        _ body: (_ group: [Item], WritableDatabase, Database, inout VocabularyTables.TouchedWords) throws -> Void
    ) throws {
        let groups = try grouped(items, id: id)
        guard ShardedIndexLayout.isSharded(path),
              let vocabularyPath = try ShardedIndexLayout(folder: path).vocabularyPath() else {
            for (target, group) in groups {
                try write(target) { database, view in
                    var touched = VocabularyTables.TouchedWords()
                    try body(group, database, view, &touched)
                    try VocabularyTables.update(writer: database, terms: view, tables: view, touched: touched)
                }
            }
            return
        }
        let shards = try ShardedIndexLayout(folder: path).localShardPaths(operation: "keep the vocabulary tables in step with")
        let vocabulary = try SharedVocabulary(path: vocabularyPath, shards: shards)
        defer { vocabulary.close() }
        try vocabulary.update {
            var touched = VocabularyTables.TouchedWords()
            for (target, group) in groups {
                try write(target) { database, view in try body(group, database, view, &touched) }
            }
            return touched
        }
    }

    /// Items grouped by the database that owns their id, in first-seen order.
    private func grouped<Item>(_ items: [Item], id: (Item) -> String) throws -> [(String, [Item])] {
        guard IndexReader.exists(at: path) || ShardedIndexLayout.isSharded(path) else { throw IndexError.notFound(path) }
        var order: [String] = []
        var groups: [String: [Item]] = [:]
        for item in items {
            let target = try ShardedIndexLayout.writablePath(forDocument: id(item), index: path)
            if groups[target] == nil { order.append(target) }
            groups[target, default: []].append(item)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// Opens the database at `target` for writing (never creating it), runs
    /// `body` in a transaction, commits and closes.
    private func write(_ target: String, _ body: (WritableDatabase, Database) throws -> Void) throws {
        do {
            let database = try WritableDatabase(path: target, create: false)
            defer { try? database.close() }
            let view = try database.reader()
            try database.transaction { try body(database, view) }
            try database.close()
        } catch let error as XapianError {
            throw IndexError.fromWriting(error, path: target)
        }
    }

    /// Documents in the whole index after the writes.
    private func documentCount() throws -> Int {
        try IndexReader(path: path).database.documentCount()
    }
}
