/// A programme concept named in a reason: its id and its label in the language of the answer.
public struct SharedConcept: Codable, Sendable, Equatable {
    /// Concept id (`public-library`).
    public var id: String
    /// Label in the answer's language (`thư viện` or `public library`).
    public var label: String

    /// Creates a concept reference.
    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}
