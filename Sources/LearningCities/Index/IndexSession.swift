import Foundation
import XapianKit

/// One writer's pass over one database. Documents are added, replaced when
/// their fingerprint changed, or left alone; `finish` removes the ones that
/// left the corpus and writes what else the database stores (`Tables`).
///
/// - A **transactional** session (a live index or shard) writes inside one
///   Xapian transaction: nothing is visible until `commit`, and a crash
///   leaves the previous revision intact.
/// - A **partial** session (a private database to be merged) commits every
///   `commitEvery` documents instead, which bounds the memory Xapian buffers.
///
/// The ids and fingerprints already in the database are read once, in one
/// pass (`uniqueTerms(prefix:withValue:)`); a fresh database pays nothing for
/// updates: every document goes in with `add_document`.
final class IndexSession {
    /// What `finish` stores besides the documents.
    enum Tables {
        /// Nothing: a partial database, merged into the index later.
        case none
        /// The corpus metadata and the vocabulary tables: a whole index.
        case metadataAndVocabulary
        /// The corpus metadata only: a shard, whose index keeps the
        /// vocabulary tables in a database of their own (`SharedVocabulary`).
        /// Tables the shard still holds from an older layout are removed.
        case metadata
    }

    /// The database folder.
    let path: String
    /// What the session did so far.
    private(set) var summary = IndexSummary()
    private let database: WritableDatabase
    private let view: Database
    /// Documents already in the database: id → (Xapian docid, fingerprint).
    private var known: [String: (docid: UInt32, fingerprint: [UInt8])] = [:]
    private let wasEmpty: Bool
    private let transactional: Bool
    private let commitEvery: Int?
    private var sinceCommit = 0

    /// Opens (creating) the database at `path` and takes its lock; a
    /// transactional session also starts its transaction.
    init(path: String, transactional: Bool = true, commitEvery: Int? = nil) throws {
        self.path = path
        self.transactional = transactional
        self.commitEvery = commitEvery
        var count = 0
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw IndexError.from(fileError: error, path: path)
        }
        do {
            // An existing database is first opened for reading: Xapian's
            // writer quietly recreates a missing table, the reader reports it.
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("iamglass")) {
                _ = try Database(path: path).documentCount()
            }
            database = try WritableDatabase(path: path, create: true)
            view = try database.reader()
            if transactional { try database.beginTransaction() }
            count = try view.documentCount()
            if count > 0 {
                for entry in try view.uniqueTerms(prefix: TermSchema.id, withValue: TermSchema.Slot.fingerprint) {
                    known[entry.name] = (entry.docid, entry.value)
                }
            }
        } catch {
            throw IndexError.fromWriting(error, path: path)
        }
        wasEmpty = count == 0
    }

    /// Adds `source`, replaces it when it changed, or counts it unchanged.
    func apply(_ source: SourceDocument, corpus: PreparedCorpus) throws {
        let print = corpus.preparer.fingerprint(of: source)
        try xapian {
            if let entry = known.removeValue(forKey: source.id) {
                if entry.fingerprint.elementsEqual(print.utf8) {
                    summary.unchanged += 1
                    return
                }
                try database.replace(document(source, corpus, print), docid: entry.docid)
                summary.updated += 1
            } else if wasEmpty {
                try database.add(document(source, corpus, print))
                summary.added += 1
            } else {
                // New to a non-empty database: replacing by id term keeps ids unique
                // even if the database held a duplicate the one-pass read skipped.
                try database.replace(document(source, corpus, print), idTerm: TermSchema.id + source.id)
                summary.added += 1
            }
            if let commitEvery {
                sinceCommit += 1
                if sinceCommit >= commitEvery {
                    try database.commit()
                    sinceCommit = 0
                }
            }
        }
    }

    private func document(_ source: SourceDocument, _ corpus: PreparedCorpus, _ print: String) -> Document {
        corpus.preparer.document(for: source, fingerprint: print)
    }

    /// True when the session added, replaced or removed documents (or the database was new).
    var changedDocuments: Bool {
        summary.added + summary.updated + summary.removed > 0 || wasEmpty
    }

    /// Removes the documents no longer in the corpus and stores `tables`;
    /// the vocabulary tables are rebuilt only when anything changed.
    func finish(corpus: PreparedCorpus, tables: Tables) throws {
        try xapian {
            for id in known.keys.sorted() {
                try database.delete(docid: known[id]!.docid)
                summary.removed += 1
            }
            known.removeAll()
            switch tables {
            case .none:
                break
            case .metadataAndVocabulary:
                try IndexTables.write(corpus, writer: database, reader: view, vocabulary: changedDocuments)
            case .metadata:
                try IndexTables.write(corpus, writer: database, reader: view, vocabulary: false)
                if try VocabularyTables.holdsEntries(view) { try VocabularyTables.clear(writer: database, tables: view) }
            }
            summary.documents = try view.documentCount()
        }
    }

    /// Commits (the transaction, or the pending changes) and releases the lock.
    func commit() throws {
        try xapian {
            if transactional { try database.commitTransaction() } else { try database.commit() }
            try database.close()
        }
    }

    /// Drops what is uncommitted and releases the lock.
    func abandon() {
        try? database.close()
    }

    private func xapian(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as XapianError {
            throw IndexError.from(error, path: path)
        }
    }
}
