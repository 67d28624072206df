/// One document of a city, as listed by the `city` method: enough to show
/// a list and fetch or search for the document.
public struct CityDocument: Codable, Sendable, Equatable {
    /// Document id.
    public var id: String
    /// Document type.
    public var type: String
    /// Title.
    public var title: String
    /// `YYYY-MM-DD` or `YYYY`, or null.
    public var date: String?
    /// `vi` or `en`.
    public var lang: String

    /// A listed document.
    public init(id: String, type: String, title: String, date: String?, lang: String) {
        self.id = id
        self.type = type
        self.title = title
        self.date = date
        self.lang = lang
    }

    enum CodingKeys: String, CodingKey {
        case id, type, title, date, lang
    }

    /// Encodes every field, `date` as null when absent.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(lang, forKey: .lang)
    }
}
