/// A partner's document that matched best.
public struct PartnerEvidence: Codable, Sendable, Equatable {
    /// Document id.
    public var id: String
    /// Title.
    public var title: String
    /// How close this document is to the source city's programmes (0…1, absolute).
    public var score: Double

    /// Creates an evidence entry.
    public init(id: String, title: String, score: Double) {
        self.id = id
        self.title = title
        self.score = score
    }
}
