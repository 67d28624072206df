import Foundation
import XapianKit

/// One writer's pass over one database, inside one Xapian transaction:
/// documents are added, replaced when their fingerprint changed, or left
/// alone; `finish` removes the ones that left the corpus and writes the
/// metadata and vocabulary tables; nothing is visible until `commit`.
final class IndexSession {
    /// The database folder.
    let path: String
    /// What the session did so far.
    private(set) var summary = IndexSummary()
    private let database: WritableDatabase
    private let view: Database
    private var existing: Set<String>
    private let wasEmpty: Bool

    /// Opens (creating) the database at `path`, takes its lock and starts the transaction.
    init(path: String) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        do {
            database = try WritableDatabase(path: path, create: true)
            view = try database.reader()
            try database.beginTransaction()
            existing = Set(try view.allTerms(prefix: TermSchema.id).map { String($0.term.dropFirst(TermSchema.id.count)) })
        } catch {
            throw IndexError.from(error, path: path)
        }
        wasEmpty = existing.isEmpty
    }

    /// Adds `source`, replaces it when it changed, or counts it unchanged.
    func apply(_ source: SourceDocument, corpus: PreparedCorpus) throws {
        let print = corpus.fingerprinter.fingerprint(of: source)
        let idTerm = TermSchema.id + source.id
        let known = existing.remove(source.id) != nil
        try xapian {
            if known, let docid = try view.documentID(for: idTerm),
               try view.value(of: docid, slot: TermSchema.Slot.fingerprint) == Array(print.utf8) {
                summary.unchanged += 1
                return
            }
            try database.replace(DocumentBuilder.document(for: corpus.analyzer.analyze(source), fingerprint: print),
                                 idTerm: idTerm)
            if known { summary.updated += 1 } else { summary.added += 1 }
        }
    }

    /// Removes the documents no longer in the corpus, stores the corpus
    /// metadata and, when anything changed, rebuilds the vocabulary tables.
    func finish(corpus: PreparedCorpus) throws {
        try xapian {
            for id in existing.sorted() {
                try database.delete(idTerm: TermSchema.id + id)
                summary.removed += 1
            }
            existing.removeAll()
            try database.setMetadata(IndexMetadata.encode(corpus.cities), for: IndexMetadata.cities)
            try database.setMetadata(IndexMetadata.encode(corpus.abbreviations), for: IndexMetadata.abbreviations)
            try database.setMetadata(IndexMetadata.encode(corpus.vocabulary.themes.themes), for: IndexMetadata.themes)
            try database.setMetadata(IndexMetadata.encode(corpus.vocabulary.concepts.concepts), for: IndexMetadata.concepts)
            try database.setMetadata(Array(corpus.vocabulary.version.utf8), for: IndexMetadata.vocabularyVersion)
            try database.setMetadata(Array(TermSchema.analysisVersion.utf8), for: IndexMetadata.analysisVersion)
            if summary.added + summary.updated + summary.removed > 0 || wasEmpty {
                try VocabularyTables.rebuild(writer: database, reader: view, synonyms: corpus.synonyms)
            }
            summary.documents = try view.documentCount()
        }
    }

    /// Commits the transaction and releases the lock.
    func commit() throws {
        try xapian {
            try database.commitTransaction()
            try database.close()
        }
    }

    /// Drops the uncommitted transaction and releases the lock.
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
