/// A search, as the CLI flags and the JSON-RPC `search` params give it.
public struct SearchRequest: Codable, Sendable, Equatable {
    /// Query text (Xapian query syntax; accents optional).
    public var query: String
    /// Hits to return.
    public var limit: Int
    /// Rank of the first hit (0-based).
    public var offset: Int
    /// Only documents of this type.
    public var type: String?
    /// Only documents linked to a city of this country (ISO code).
    public var country: String?
    /// Only documents linked to this city (id, name or alias).
    public var city: String?
    /// Only documents in this language.
    public var lang: String?
    /// Count facets (and an exact total); false skips them for speed.
    public var facets: Bool
    /// Cut a snippet from each hit's text; false leaves `snippet` empty, for speed.
    public var snippets: Bool

    /// The largest `limit` honoured; larger ones are clamped.
    public static let maxLimit = 1000

    /// Creates a request.
    public init(query: String, limit: Int = 10, offset: Int = 0, type: String? = nil, country: String? = nil,
                city: String? = nil, lang: String? = nil, facets: Bool = true, snippets: Bool = true) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.type = type
        self.country = country
        self.city = city
        self.lang = lang
        self.facets = facets
        self.snippets = snippets
    }

    enum CodingKeys: String, CodingKey {
        case query, limit, offset, type, country, city, lang, facets, snippets
    }

    /// Decodes with defaults for the optional fields.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        query = try container.decode(String.self, forKey: .query)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? 10
        offset = try container.decodeIfPresent(Int.self, forKey: .offset) ?? 0
        type = try container.decodeIfPresent(String.self, forKey: .type)
        country = try container.decodeIfPresent(String.self, forKey: .country)
        city = try container.decodeIfPresent(String.self, forKey: .city)
        lang = try container.decodeIfPresent(String.self, forKey: .lang)
        facets = try container.decodeIfPresent(Bool.self, forKey: .facets) ?? true
        snippets = try container.decodeIfPresent(Bool.self, forKey: .snippets) ?? true
    }
}
