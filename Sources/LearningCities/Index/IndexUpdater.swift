import Foundation
import XapianKit

/// Adds, replaces and deletes single documents in an existing index (the
/// `upsert` and `delete` of `learncity serve`): each call takes the write
/// lock, writes one transaction, commits it to disk and releases the lock
/// before returning, so what it reports is durable. Documents are analysed
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

    /// Adds or replaces `documents` (ids unique, city ids among the index's cities) in one
    /// committed transaction, analysed with the cities, abbreviations and themes stored in the index.
    public func upsert(_ documents: [SourceDocument]) throws -> UpsertOutcome {
        try write { database, view in
            let cities = IndexMetadata.decodeCities(try view.metadata(IndexMetadata.cities))
            let abbreviations = IndexMetadata.decodeAbbreviations(try view.metadata(IndexMetadata.abbreviations))
            let themes = IndexMetadata.decodeThemes(try view.metadata(IndexMetadata.themes))
            let analyzer = DocumentAnalyzer(cities: cities, abbreviations: abbreviations, themes: themes)
            let fingerprinter = DocumentFingerprinter(cities: cities, abbreviations: abbreviations, themes: themes)
            var outcome = UpsertOutcome(added: [], updated: [], documents: 0)
            for source in documents {
                let idTerm = TermSchema.id + source.id
                if try view.documentID(for: idTerm) != nil { outcome.updated.append(source.id) } else { outcome.added.append(source.id) }
                try database.replace(DocumentBuilder.document(for: analyzer.analyze(source),
                                                              fingerprint: fingerprinter.fingerprint(of: source)),
                                     idTerm: idTerm)
            }
            return outcome
        } finish: { outcome, count in
            outcome.documents = count
        }
    }

    /// Deletes the documents with these ids in one committed transaction.
    public func delete(ids: [String]) throws -> DeleteOutcome {
        try write { database, view in
            var outcome = DeleteOutcome(deleted: [], missing: [], documents: 0)
            for id in ids {
                let idTerm = TermSchema.id + id
                if try view.documentID(for: idTerm) != nil {
                    try database.delete(idTerm: idTerm)
                    outcome.deleted.append(id)
                } else {
                    outcome.missing.append(id)
                }
            }
            return outcome
        } finish: { outcome, count in
            outcome.documents = count
        }
    }

    /// Opens the index for writing (never creating it), runs `body` in a
    /// transaction, commits, records the document count and closes.
    private func write<Outcome>(_ body: (WritableDatabase, Database) throws -> Outcome,
                                finish: (inout Outcome, Int) -> Void) throws -> Outcome {
        guard IndexReader.exists(at: path) else { throw IndexError.missing(path) }
        do {
            let database = try WritableDatabase(path: path, create: false)
            defer { try? database.close() }
            let view = try database.reader()
            var outcome = try database.transaction { try body(database, view) }
            try view.reopen()
            finish(&outcome, try view.documentCount())
            try database.close()
            return outcome
        } catch let error as XapianError {
            throw IndexError.from(error, path: path)
        }
    }
}
