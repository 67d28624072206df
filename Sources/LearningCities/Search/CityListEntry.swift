/// One city in the `cities` list.
public struct CityListEntry: Codable, Sendable, Equatable {
    /// Slug, e.g. `vn-son-la`.
    public var id: String
    /// Display name.
    public var name: String
    /// ISO country code.
    public var country: String
    /// UNESCO region, if known.
    public var region: String?
    /// Year the city joined the GNLC, if known.
    public var joined: Int?
    /// Documents linked to the city.
    public var documents: Int
}
