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
    /// Standing in the GNLC; nil in corpora that predate the field (treated as members).
    public var status: MembershipStatus?
    /// URL of the page that gives `status`.
    public var statusSource: String?
    /// For a member whose year of joining no source gives: the year by which a source shows it was a member.
    public var memberBy: Int?
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
        case status
        case formerNames = "former_names"
        case statusNote = "status_note"
        case statusSource = "status_source"
        case memberBy = "member_by"
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

    /// Whether `recommend` offers the city by default: a member, or a city of a
    /// corpus without status fields.
    public var isMember: Bool {
        (status ?? .member) == .member
    }

    /// The name, aliases and former names: every way the city is written.
    public var allNames: [String] {
        [name] + (aliases ?? []) + (formerNames ?? [])
    }
}
