/// The cities of the index, optionally of one country: the result of the `cities` method.
public struct CityList: Codable, Sendable, Equatable {
    /// The country filter applied, if any.
    public var country: String?
    /// The cities, in corpus order.
    public var cities: [CityListEntry]
}
