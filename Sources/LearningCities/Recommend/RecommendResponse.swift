/// The city a recommendation was made for.
public struct RecommendedCity: Codable, Sendable, Equatable {
    /// City id.
    public var id: String
    /// Display name.
    public var name: String
    /// ISO country code.
    public var country: String

    /// Creates a city reference.
    public init(id: String, name: String, country: String) {
        self.id = id
        self.name = name
        self.country = country
    }
}

/// A partner's document that matched best.
public struct PartnerEvidence: Codable, Sendable, Equatable {
    /// Document id.
    public var id: String
    /// Title.
    public var title: String
    /// How well this document matches the source (0…1, comparable within one answer).
    public var score: Double

    /// Creates an evidence entry.
    public init(id: String, title: String, score: Double) {
        self.id = id
        self.title = title
        self.score = score
    }
}

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
    /// Similarity, best partner = 1.0.
    public var score: Double
    /// Theme ids present in both the source's and this partner's evidence documents.
    public var themes: [String]
    /// Distinctive words that drove the match, present in both the source's and this partner's evidence documents.
    public var terms: [String]
    /// The partner's documents that matched best.
    public var evidence: [PartnerEvidence]

    /// Creates a partner.
    public init(rank: Int, id: String, name: String, country: String, score: Double, themes: [String],
                terms: [String], evidence: [PartnerEvidence]) {
        self.rank = rank
        self.id = id
        self.name = name
        self.country = country
        self.score = score
        self.themes = themes
        self.terms = terms
        self.evidence = evidence
    }
}

/// The answer to a recommendation: the shape of `learncity recommend --json`
/// and of the JSON-RPC `recommend` result. `city` is null for `--text`.
public struct RecommendResponse: Codable, Sendable, Equatable {
    /// The source city (null when recommending for a text).
    public var city: RecommendedCity?
    /// Partners, best first.
    public var partners: [Partner]

    /// Creates a response.
    public init(city: RecommendedCity?, partners: [Partner]) {
        self.city = city
        self.partners = partners
    }

    enum CodingKeys: String, CodingKey {
        case city, partners
    }

    /// Encodes `city` as null when absent.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(city, forKey: .city)
        try container.encode(partners, forKey: .partners)
    }
}
