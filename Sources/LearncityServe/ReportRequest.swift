/// Params of the `report` method: the city, the page's language and the number of partners.
public struct ReportRequest: Codable, Sendable, Equatable {
    /// The city: id, name or alias (accents optional).
    public var city: String
    /// `vi` or `en`; nil: Vietnamese for Vietnamese cities, otherwise English.
    public var lang: String?
    /// Partners shown (1…20).
    public var limit: Int

    /// Creates the params.
    public init(city: String, lang: String? = nil, limit: Int = 6) {
        self.city = city
        self.lang = lang
        self.limit = limit
    }

    enum CodingKeys: String, CodingKey {
        case city, lang, limit
    }

    /// Decodes with the default `limit`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        city = try container.decode(String.self, forKey: .city)
        lang = try container.decodeIfPresent(String.self, forKey: .lang)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? 6
    }
}
