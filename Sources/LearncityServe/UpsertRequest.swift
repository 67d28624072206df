import JSONRPC

/// Params of the `upsert` method: documents in the shape of one line of a
/// corpus `documents/*.jsonl` file, validated by the same rules.
public struct UpsertRequest: Codable, Sendable, Equatable {
    /// The documents, as JSON objects.
    public var documents: [JSONValue]

    /// Creates the params.
    public init(documents: [JSONValue]) {
        self.documents = documents
    }
}
