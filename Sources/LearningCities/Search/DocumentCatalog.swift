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
        do {
            return try index.withRetry {
                guard let docid = try index.database.documentIDs(for: TermSchema.term(TermSchema.id, id)).first else {
                    return nil
                }
                return try? StoredDocument(stored: try index.database.data(of: docid))
            }
        } catch let error as XapianError {
            throw IndexError.from(error, path: index.path)
        }
    }
}

extension DocumentCatalog {
    /// One page of every document in the index, in id order: the total and
    /// up to `limit` documents from `offset` (titles read for that page only).
    public func list(offset: Int, limit: Int) throws -> (total: Int, documents: [CityDocument]) {
        do {
            return try index.withRetry {
                let ids = try index.database.allTerms(prefix: TermSchema.id)
                guard offset < ids.count, limit > 0 else { return (ids.count, []) }
                let page = ids[offset..<min(ids.count, offset + limit)]
                let documents: [CityDocument] = try page.compactMap { entry in
                    guard let docid = try index.database.documentID(for: entry.term),
                          let stored = try? StoredDocument(stored: try index.database.data(of: docid))
                    else { return nil }
                    return CityDocument(id: stored.id, type: stored.type.rawValue, title: stored.title, date: stored.date,
                                        lang: stored.lang.rawValue)
                }
                return (ids.count, documents)
            }
        } catch let error as XapianError {
            throw IndexError.from(error, path: index.path)
        }
    }
}

extension DocumentCatalog {
    /// Calls `body` with every document of the index, in id order.
    public func forEach(_ body: (StoredDocument) throws -> Void) throws {
        let documents: [StoredDocument]
        do {
            documents = try index.withRetry {
                try index.database.allTerms(prefix: TermSchema.id).compactMap { entry in
                    guard let docid = try index.database.documentID(for: entry.term) else { return nil }
                    return try? StoredDocument(stored: try index.database.data(of: docid))
                }
            }
        } catch let error as XapianError {
            throw IndexError.from(error, path: index.path)
        }
        for document in documents { try body(document) }
    }
}
