/// Params of the `delete` method.
public struct DeleteRequest: Codable, Sendable, Equatable {
    /// Ids of the documents to delete.
    public var ids: [String]

    /// Creates the params.
    public init(ids: [String]) {
        self.ids = ids
    }
}
