/// The answer to a recommendation: the shape of `learncity recommend --json`
/// and of the JSON-RPC `recommend` result. `city` is null for `--text`.
public struct RecommendResponse: Codable, Sendable, Equatable {
    /// The source city (null when recommending for a text).
    public var city: RecommendedCity?
    /// Language of the labels and words (`vi` or `en`).
    public var lang: String
    /// True when even the best partner's score is below `PartnerRecommender.weakScore`.
    public var weak: Bool
    /// Partners, best first.
    public var partners: [Partner]

    /// Creates a response.
    public init(city: RecommendedCity?, lang: String, weak: Bool, partners: [Partner]) {
        self.city = city
        self.lang = lang
        self.weak = weak
        self.partners = partners
    }

    enum CodingKeys: String, CodingKey {
        case city, lang, weak, partners
    }

    /// Encodes `city` as null when absent.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(city, forKey: .city)
        try container.encode(lang, forKey: .lang)
        try container.encode(weak, forKey: .weak)
        try container.encode(partners, forKey: .partners)
    }
}
