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
    /// The document as stored in the index's data: one line of JSON with sorted
    /// keys and unescaped slashes. The index owns this format; interfaces
    /// print documents with their own encoders.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self))
    }

    /// Decodes a document's stored data (see `encoded()`), with `decoder`
    /// when the caller decodes many.
    public init(stored data: [UInt8], decoder: JSONDecoder = JSONDecoder()) throws {
        self = try decoder.decode(StoredDocument.self, from: Data(data))
    }
}
