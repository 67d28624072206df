/// Params of the `cities` method.
public struct CityListRequest: Codable, Sendable, Equatable {
    /// Only cities of this country (ISO code).
    public var country: String?

    /// Creates the params.
    public init(country: String? = nil) {
        self.country = country
    }
}
