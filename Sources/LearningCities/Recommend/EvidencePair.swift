/// Paired evidence: one of the source city's documents next to the
/// partner's document that matches it, with the concepts they share
/// (`Sơn La: Lớp xóa mù chữ … ↔ Nilambur: literacy for tribal communities`).
public struct EvidencePair: Codable, Sendable, Equatable {
    /// The source city's document (its initiative or profile).
    public var source: DocumentReference
    /// The partner's matching document.
    public var partner: DocumentReference
    /// Concepts both documents mention, in the answer's language.
    public var concepts: [SharedConcept]

    /// Creates a pair.
    public init(source: DocumentReference, partner: DocumentReference, concepts: [SharedConcept]) {
        self.source = source
        self.partner = partner
        self.concepts = concepts
    }
}
