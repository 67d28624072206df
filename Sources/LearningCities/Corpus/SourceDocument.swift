/// The kind of a document.
public enum DocumentType: String, Codable, Sendable, CaseIterable {
    /// A city's profile (facts about the city).
    case profile
    /// One of the city's lifelong-learning initiatives.
    case initiative
    /// A news article.
    case news
}

/// A document as read from the corpus, before analysis.
public struct SourceDocument: Codable, Sendable, Equatable {
    /// Unique id in the corpus.
    public var id: String
    /// Its kind.
    public var type: DocumentType
    /// Title (may be empty).
    public var title: String
    /// Body text.
    public var body: String
    /// Linked city ids; nil means "link by the names the text mentions".
    public var cities: [String]?
    /// `YYYY-MM-DD` or `YYYY`.
    public var date: String?
    /// `vi` or `en`; nil means "detect".
    public var lang: DocumentLanguage?
    /// Where the text comes from (URL).
    public var source: String?
    /// Theme ids given by the corpus (more are tagged at index time).
    public var themes: [String]?

    /// Creates a document.
    public init(id: String, type: DocumentType = .news, title: String = "", body: String,
                cities: [String]? = nil, date: String? = nil, lang: DocumentLanguage? = nil,
                source: String? = nil, themes: [String]? = nil) {
        self.id = id
        self.type = type
        self.title = title
        self.body = body
        self.cities = cities
        self.date = date
        self.lang = lang
        self.source = source
        self.themes = themes
    }

    /// The year of `date`, if any.
    public var year: Int? { DateField.year(of: date) }
}
