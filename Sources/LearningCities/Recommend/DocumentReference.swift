/// A document named in a reason: its id and title.
public struct DocumentReference: Codable, Sendable, Equatable {
    /// Document id.
    public var id: String
    /// Title.
    public var title: String

    /// Creates a document reference.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}
