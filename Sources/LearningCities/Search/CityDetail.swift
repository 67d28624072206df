/// One city with the documents linked to it: the result of the `city` method.
public struct CityDetail: Codable, Sendable, Equatable {
    /// The city, as `cities.jsonl` describes it.
    public var city: City
    /// Number of documents linked to the city.
    public var total: Int
    /// The offset asked for.
    public var offset: Int
    /// Documents: profiles first, then initiatives, then news; newest first within a type.
    public var documents: [CityDocument]
    /// The largest limit honoured, when the request asked for more.
    public var limitClamped: Int?

    enum CodingKeys: String, CodingKey {
        case city, total, offset, documents
        case limitClamped = "limit_clamped"
    }
}
