/// Everything one Xapian search needs: the query (text for the QueryParser,
/// or weighted terms), filters, paging, facets and collapsing.
public struct SearchOptions: Sendable {
    /// A boolean field the QueryParser accepts inside query text (`city:vn-son-la`).
    public struct Field: Sendable, Equatable {
        /// The name typed by the user.
        public var name: String
        /// The term prefix it maps to.
        public var prefix: String
        /// True for a filter (no weight), false for a weighted free-text field.
        public var isBoolean: Bool
        /// Creates a field.
        public init(name: String, prefix: String, isBoolean: Bool = true) {
            self.name = name
            self.prefix = prefix
            self.isBoolean = isBoolean
        }
    }

    /// Query text, parsed with `defaultPrefix` for free-text words.
    public var query: String?
    /// Prefix of free-text terms.
    public var defaultPrefix: String = ""
    /// Optional text parsed without prefix that only boosts (AND_MAYBE).
    public var boostQuery: String?
    /// Terms that only boost matches (AND_MAYBE), with weight factors.
    public var boostTerms: [(term: String, weight: Double)] = []
    /// Documents indexed by all of these terms also match the text query
    /// (OR), their weight scaled by `alternativeWeight`: e.g. the programme
    /// concepts of the query, so that it finds documents in the other language.
    public var alternativeTerms: [String] = []
    /// Weight factor of `alternativeTerms` matches.
    public var alternativeWeight: Double = 0.3
    /// Weighted terms OR'ed together, used when `query` is nil.
    public var weightedTerms: [(term: String, weight: Double)] = []
    /// Boolean fields for the parser.
    public var fields: [Field] = []
    /// Filters as (prefix, value): the same prefix is OR'ed, prefixes AND'ed.
    public var filters: [(prefix: String, value: String)] = []
    /// Documents indexed by any of these terms are left out.
    public var excludedTerms: [String] = []
    /// Slot for numeric ranges typed as `A..B` (nil: off).
    public var rangeSlot: Int?
    /// Rank of the first hit to return.
    public var offset: Int = 0
    /// How many hits to return.
    public var limit: Int = 10
    /// Look at least this many matches (exact totals and facets need all).
    public var checkAtLeast: Int = 0
    /// AND between words (true) or OR.
    public var defaultAnd: Bool = true
    /// When AND finds nothing, run again with OR.
    public var relaxToOr: Bool = true
    /// Keep one hit per value of this slot (nil: off).
    public var collapseSlot: Int?
    /// Order equal weights by this slot's value (ascending) rather than by
    /// docid, so the ranking is the same whatever the shard layout (nil: off).
    public var tieBreakSlot: Int?
    /// Slots to count values of among all matches.
    public var facetSlots: [Int] = []
    /// Words the parser drops outside phrases.
    public var stopwords: [String] = []
    /// BM25's k1 and b (nil: Xapian's defaults, k1 1 and b 0.5).
    public var bm25: (k1: Double, b: Double)?
    /// Weight factor of `boostQuery`.
    public var boostScale: Double = 1
    /// Optional text parsed without prefix and with AND between its words:
    /// documents with all of its words gain the constant `tierWeight`, a tier
    /// above the others.
    public var tierQuery: String?
    /// The constant weight of `tierQuery`'s documents.
    public var tierWeight: Double = 0
    /// 0: AND between words, relaxed to OR when AND finds nothing. Above 0:
    /// every word is optional (OR) and documents with all of them gain their
    /// AND weight times this factor; `relaxed` says whether none had them all.
    public var coordination: Double = 0

    /// Empty options: matches everything.
    public init() {}
}
