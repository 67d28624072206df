/// One theme of the bilingual theme vocabulary (`themes.jsonl`): an area of
/// UNESCO's *Key Features of Learning Cities* or a cross-cutting topic, with
/// the phrases that signal it in each language.
public struct Theme: Codable, Sendable, Equatable, Hashable {
    /// The theme's name in each language.
    public struct Name: Codable, Sendable, Equatable, Hashable {
        /// English name.
        public var en: String
        /// Vietnamese name.
        public var vi: String?

        /// Creates a name.
        public init(en: String, vi: String? = nil) {
            self.en = en
            self.vi = vi
        }
    }

    /// Slug, e.g. `literacy`; documents carry it as the term `XHliteracy`.
    public var id: String
    /// Display names.
    public var name: Name
    /// `key-feature` or `cross-cutting`.
    public var area: String?
    /// Cue phrases by language code (`en`, `vi`): a document that contains
    /// one of them is tagged with the theme.
    public var cues: [String: [String]]

    /// Creates a theme.
    public init(id: String, name: Name, area: String? = nil, cues: [String: [String]]) {
        self.id = id
        self.name = name
        self.area = area
        self.cues = cues
    }

    /// Every cue phrase, all languages together.
    public var allCues: [String] {
        cues.keys.sorted().flatMap { cues[$0] ?? [] }
    }
}
