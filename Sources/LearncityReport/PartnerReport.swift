import LearningCities

/// Everything one partner report shows, gathered from the index before any
/// HTML is written (so that the page is a pure function of it).
public struct PartnerReport: Sendable {
    /// One document shown with its source.
    public struct Document: Sendable, Equatable {
        public var id: String
        public var title: String
        public var type: String
        public var date: String?
        public var source: String?
    }

    /// One partner with its reasons.
    public struct Partner: Sendable {
        public var rank: Int
        public var city: City
        /// Absolute similarity on 0…1.
        public var score: Double
        /// Shared programme concepts or words, as the recommender names them.
        public var concepts: [String]
        /// Shared theme ids.
        public var themes: [String]
        /// The source city's initiative next to the partner's that matches it (source may be nil).
        public var pairs: [(source: Document?, partner: Document)]
    }

    /// The city the report is for.
    public var city: City
    /// Its GNLC status (`member`, …) when the index knows it.
    public var status: String?
    /// Theme id → share of the city's documents tagged with it, for the city and each partner.
    public var themeStrengths: [String: [String: Double]]
    /// Theme id → label in the report's language.
    public var themeLabels: [String: String]
    /// The partners, best first.
    public var partners: [Partner]
    /// True when even the best partner is a weak match (the recommender's judgement).
    public var weak: Bool
    /// The city's own documents (initiatives first), with sources.
    public var programmes: [Document]
    /// The day the index was last written (`YYYY-MM-DD`), when known.
    public var indexDate: String?
    /// The command line that made the page.
    public var command: String
    /// The page's language.
    public var language: ReportLanguage

    /// The city's themes, strongest first.
    public var cityThemes: [String] {
        (themeStrengths[city.id] ?? [:]).filter { $0.value > 0 }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
    }
}
