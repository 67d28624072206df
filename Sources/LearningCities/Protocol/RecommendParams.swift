/// Params of the `recommend` method (partner cities for a city or a text).
public struct RecommendParams: Codable, Sendable, Equatable {
    /// The city to find partners for: id, name or alias.
    public var city: String?
    /// A description of interests to find partner cities for (instead of `city`).
    public var text: String?
    /// Partners to return.
    public var limit: Int?
    /// Only partners in other countries than the city's.
    public var otherCountries: Bool?
    /// Only partners in this country (ISO code).
    public var country: String?
    /// Only partners in this UNESCO region.
    public var region: String?
    /// Only partners active in this theme (theme id).
    public var theme: String?

    /// Creates the params.
    public init(city: String? = nil, text: String? = nil, limit: Int? = nil, otherCountries: Bool? = nil,
                country: String? = nil, region: String? = nil, theme: String? = nil) {
        self.city = city
        self.text = text
        self.limit = limit
        self.otherCountries = otherCountries
        self.country = country
        self.region = region
        self.theme = theme
    }

    enum CodingKeys: String, CodingKey {
        case city, text, limit, country, region, theme
        case otherCountries = "other_countries"
    }
}
