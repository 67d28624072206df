/// The result of the `delete` method, sent once the change is committed.
public struct DeleteResult: Codable, Sendable, Equatable {
    /// Always true: the deletions are committed to disk.
    public var committed: Bool
    /// Ids that were removed.
    public var deleted: [String]
    /// Ids that were not in the index (not an error).
    public var missing: [String]
    /// Documents in the index afterwards.
    public var documents: Int
}
