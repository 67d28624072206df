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

    /// The reference to `city`.
    public init(_ city: City) {
        self.init(id: city.id, name: city.name, country: city.country)
    }
}
