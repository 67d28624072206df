/// Params of the `city` method.
public struct CityRequest: Codable, Sendable, Equatable {
    /// The city: id, name or alias (accents optional).
    public var city: String
    /// Documents to list (at most `SearchRequest.maxLimit`).
    public var limit: Int
    /// Index of the first document listed.
    public var offset: Int

    /// Creates the params.
    public init(city: String, limit: Int = 100, offset: Int = 0) {
        self.city = city
        self.limit = limit
        self.offset = offset
    }

    enum CodingKeys: String, CodingKey {
        case city, limit, offset
    }

    /// Decodes with defaults for `limit` and `offset`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        city = try container.decode(String.self, forKey: .city)
        limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? 100
        offset = try container.decodeIfPresent(Int.self, forKey: .offset) ?? 0
    }
}
