/// A learning city, as one line of `cities.jsonl` describes it.
public struct City: Codable, Sendable, Equatable, Hashable {
    /// Slug, e.g. `vn-son-la`.
    public var id: String
    /// Display name, e.g. `Sơn La`.
    public var name: String
    /// ISO 3166-1 alpha-2 country code, e.g. `VN`.
    public var country: String
    /// Other names: English, local and Vietnamese spellings, abbreviations.
    public var aliases: [String]?
    /// UNESCO region.
    public var region: String?
    /// Year the city joined the GNLC.
    public var joined: Int?
    /// Latitude in decimal degrees.
    public var lat: Double?
    /// Longitude in decimal degrees.
    public var lon: Double?
    /// Population.
    public var population: Int?
    /// One-sentence description.
    public var summary: String?
    /// Years of UNESCO Learning City Awards.
    public var awards: [Int]?
    /// Names the city had before (e.g. before Viet Nam's 2025 reform).
    public var formerNames: [String]?
    /// Notes on status changes.
    public var statusNote: String?

    enum CodingKeys: String, CodingKey {
        case id, name, country, aliases, region, joined, lat, lon, population, summary, awards
        case formerNames = "former_names"
        case statusNote = "status_note"
    }

    /// Creates a city.
    public init(id: String, name: String, country: String, aliases: [String]? = nil, region: String? = nil,
                joined: Int? = nil) {
        self.id = id
        self.name = name
        self.country = country
        self.aliases = aliases
        self.region = region
        self.joined = joined
    }

    /// The name, aliases and former names: every way the city is written.
    public var allNames: [String] {
        [name] + (aliases ?? []) + (formerNames ?? [])
    }
}
