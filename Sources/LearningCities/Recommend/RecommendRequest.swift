/// A partner recommendation, as the CLI flags and the JSON-RPC `recommend`
/// params give it: either a city of the index or a free-text description.
public struct RecommendRequest: Codable, Sendable, Equatable {
    /// The city to find partners for (id, name or alias); nil with `text`.
    public var city: String?
    /// A description of the programmes of a city not in the index; nil with `city`.
    public var text: String?
    /// Partners to return.
    public var limit: Int
    /// Only partners in another country than the city's.
    public var otherCountries: Bool
    /// Only partners in this country (ISO code).
    public var country: String?
    /// Only partners in this UNESCO region (name or slug, e.g. `europe-and-north-america`).
    public var region: String?
    /// Focus on one theme (id or name): only documents about it count.
    public var theme: String?
    /// Language of the reasons (`vi` or `en`); nil: the source's language.
    public var lang: String?
    /// Also offer cities that are not GNLC members (applicants, former members, unconfirmed).
    public var includeNonMembers: Bool

    /// The largest `limit` honoured; larger ones are clamped.
    public static let maxLimit = 100

    /// Creates a request.
    public init(city: String? = nil, text: String? = nil, limit: Int = 5, otherCountries: Bool = false,
                country: String? = nil, region: String? = nil, theme: String? = nil,
                includeNonMembers: Bool = false, lang: String? = nil) {
        self.city = city
        self.text = text
        self.limit = limit
        self.otherCountries = otherCountries
        self.country = country
        self.region = region
        self.theme = theme
        self.includeNonMembers = includeNonMembers
        self.lang = lang
    }

    enum CodingKeys: String, CodingKey {
        case city, text, limit, country, region, theme, lang
        case otherCountries = "other_countries"
        case includeNonMembers = "include_non_members"
    }

    /// Decodes with defaults for the optional fields.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        city = try container.decodeIfPresent(String.self, forKey: .city)
        text = try container.decodeIfPresent(String.self, forKey: .text)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? 5
        otherCountries = try container.decodeIfPresent(Bool.self, forKey: .otherCountries) ?? false
        country = try container.decodeIfPresent(String.self, forKey: .country)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        theme = try container.decodeIfPresent(String.self, forKey: .theme)
        lang = try container.decodeIfPresent(String.self, forKey: .lang)
        includeNonMembers = try container.decodeIfPresent(Bool.self, forKey: .includeNonMembers) ?? false
    }
}
