/// One recommended partner city, with the reasons.
public struct Partner: Codable, Sendable, Equatable {
    /// 1-based rank.
    public var rank: Int
    /// City id.
    public var id: String
    /// Display name.
    public var name: String
    /// ISO country code.
    public var country: String
    /// Similarity on 0…1, absolute: comparable across requests (1 = the
    /// same programmes in the same proportions; the best partner is not rescaled).
    public var score: Double
    /// Programme concepts both cities work on, most telling first (rare shared concepts weigh most).
    public var concepts: [SharedConcept]
    /// The two or three themes that distinguish this partner: rare themes both cities share.
    public var themes: [String]
    /// Other distinctive words both cities use, as whole words or phrases (`xây dựng`, not `xây`).
    public var terms: [String]
    /// The source city's documents next to the partner's matching ones.
    public var pairs: [EvidencePair]
    /// The partner's documents that matched best.
    public var evidence: [PartnerEvidence]

    /// Creates a partner.
    public init(rank: Int, id: String, name: String, country: String, score: Double, concepts: [SharedConcept],
                themes: [String], terms: [String], pairs: [EvidencePair], evidence: [PartnerEvidence]) {
        self.rank = rank
        self.id = id
        self.name = name
        self.country = country
        self.score = score
        self.concepts = concepts
        self.themes = themes
        self.terms = terms
        self.pairs = pairs
        self.evidence = evidence
    }
}
