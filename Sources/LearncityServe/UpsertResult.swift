/// The result of the `upsert` method, sent once the change is committed.
public struct UpsertResult: Codable, Sendable, Equatable {
    /// Always true: the documents are committed to disk.
    public var committed: Bool
    /// Ids that were new.
    public var added: [String]
    /// Ids that replaced an existing document.
    public var updated: [String]
    /// Documents in the index afterwards.
    public var documents: Int
}
