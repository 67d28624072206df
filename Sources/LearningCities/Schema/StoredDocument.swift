import Foundation

/// What the index stores with each document (its Xapian data), returned with
/// search results: the source fields plus the cities and language the
/// analysis settled on.
public struct StoredDocument: Codable, Sendable, Equatable {
    /// Unique id.
    public var id: String
    /// Kind of document.
    public var type: DocumentType
    /// Title.
    public var title: String
    /// Body text (snippets are cut from it).
    public var body: String
    /// Linked city ids (given or found in the text).
    public var cities: [String]
    /// `YYYY-MM-DD` or `YYYY`.
    public var date: String?
    /// Language (given or detected).
    public var lang: DocumentLanguage
    /// Source URL.
    public var source: String?
    /// Theme ids.
    public var themes: [String]

    /// The year of `date`, if any.
    public var year: Int? { DateField.year(of: date) }
}

extension StoredDocument {
    /// The document as stored in the index's data (`StoredDocumentFormat`):
    /// length-prefixed UTF-8 fields, cheap to decode for every hit. The index
    /// owns this format; interfaces print documents with their own encoders.
    public func encoded() -> [UInt8] {
        StoredDocumentFormat.encode(self)
    }

    /// Decodes a document's stored data (see `encoded()`); data written as
    /// JSON by indexes before analysis version 5 is still read.
    public init(stored data: [UInt8]) throws {
        self = try StoredDocumentFormat.decode(data)
    }
}
