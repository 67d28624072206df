/// The answer of the `report` method: the page and what it shows.
public struct ReportResult: Codable, Sendable, Equatable {
    /// The city's id.
    public var city: String
    /// The page's language.
    public var lang: String
    /// The partners' ids, best first.
    public var partners: [String]
    /// The self-contained HTML page (what `learncity report` writes to its file).
    public var html: String
}
