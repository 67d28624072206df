import Foundation
import XapianKit

/// Reads whole documents from an index by id (the `Q` term): what an
/// interface shows when a user opens one search hit or evidence document.
public struct DocumentCatalog {
    /// The index read.
    public let index: IndexReader

    /// A catalog over `index`.
    public init(index: IndexReader) {
        self.index = index
    }

    /// The document with id `id` as the index stores it, or nil when there is none.
    public func document(id: String) throws -> StoredDocument? {
        try index.reading {
            guard let docid = try index.database.documentIDs(for: TermSchema.term(TermSchema.id, id)).first else { return nil }
            return try index.database.storedDocument(docid)
        }
    }

    /// One page of every document in the index, in id order: the total and
    /// up to `limit` documents from `offset` (titles read for that page only).
    public func list(offset: Int, limit: Int) throws -> (total: Int, documents: [CityDocument]) {
        try index.reading {
            let ids = try index.database.allTerms(prefix: TermSchema.id)
            guard offset < ids.count, limit > 0 else { return (ids.count, []) }
            let page = try documents(ids[offset..<min(ids.count, offset + limit)].map(\.term))
            return (ids.count, page.map {
                CityDocument(id: $0.id, type: $0.type.rawValue, title: $0.title, date: $0.date, lang: $0.lang.rawValue)
            })
        }
    }

    /// Calls `body` with every document of the index, in id order.
    public func forEach(_ body: (StoredDocument) throws -> Void) throws {
        let all = try index.reading { try documents(try index.database.allTerms(prefix: TermSchema.id).map(\.term)) }
        for document in all { try body(document) }
    }

    /// The stored documents indexed by these id terms, in their order
    /// (a term whose document has gone, or whose data is not a document, is skipped).
    private func documents(_ idTerms: [String]) throws -> [StoredDocument] {
        return try idTerms.compactMap { term in
            guard let docid = try index.database.documentID(for: term) else { return nil }
            return try index.database.storedDocument(docid)
        }
    }
}
