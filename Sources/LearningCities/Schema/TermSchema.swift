/// The index's term prefixes and value slots, written down once.
/// Documents and queries are analysed by the same code into these terms.
public enum TermSchema {
    // MARK: Weighted terms (with positions)

    /// Exact words, without positions (they boost exact accents): lower-case
    /// NFC, canonical tone placement (`học`, `hòa`, `learning`).
    public static let exact = ""
    /// Folded search keys, with positions (phrases): accents folded, English
    /// stemmed (`hoc`, `learn`).
    public static let folded = "XF"

    /// Bigrams of search keys: adjacent words inside a clause (`XBFhoc_tap`).
    public static let foldedBigram = "XBF"
    /// Concept mentions: a city or abbreviation group named in the text
    /// (`XEvnhochiminhcity`, `XEabbr1`), whatever name was used; the query
    /// field `concept:` asks for them.
    public static let concept = "XE"
    /// Alias keys of Xapian's synonym table (`XAtphcm` → `XEvnhochiminhcity`).
    public static let alias = "XA"
    /// Accent restoration entries of the synonym table (`XVhoc` → `học`).
    public static let restoration = "XV"
    /// Separator inside bigram terms.
    public static let bigramSeparator = "_"

    // MARK: Boolean terms

    /// Unique document id.
    public static let id = "Q"
    /// Linked city id (`XCvn-son-la`).
    public static let city = "XC"
    /// Country code of a linked city (`XK:VN`: see `term(_:_:)`).
    public static let country = "XK"
    /// Document type (`XTnews`).
    public static let type = "XT"
    /// Language (`XLvi`).
    public static let lang = "XL"
    /// Theme id (`XHliteracy`); its wdf is the number of cue phrases found (at most `maxThemeWeight`).
    public static let theme = "XH"
    /// Programme concept of the bilingual vocabulary (`XPpublic-library`),
    /// in whatever language or wording the document names it; its wdf is the
    /// number of mentions (at most `maxThemeWeight`). See `ConceptTagger`.
    public static let programmeConcept = "XP"
    /// Year (`XY2024`).
    public static let year = "XY"
    /// UNESCO region of a linked city, as a slug (`XRasia-and-the-pacific`).
    public static let region = "XR"
    /// GNLC status of a linked city (`XSmember`, `XSapplicant`; see `MembershipStatus`).
    public static let status = "XS"

    /// Boolean fields the query language accepts, e.g. `city:vn-son-la`.
    public static let fields: [(name: String, prefix: String)] = [
        ("type", type), ("country", country), ("city", city), ("lang", lang), ("theme", theme),
        ("year", year), ("region", region), ("status", status),
    ]

    // MARK: Value slots

    /// Value slots.
    public enum Slot {
        /// Document type.
        public static let type = 0
        /// Country codes of linked cities, joined by U+001F.
        public static let countries = 1
        /// Linked city ids, joined by U+001F.
        public static let cities = 2
        /// Language.
        public static let lang = 3
        /// Date as written (`YYYY-MM-DD` or `YYYY`), sorts as text.
        public static let date = 4
        /// Year, `sortable_serialise`d, for `2020..2024` ranges.
        public static let year = 5
        /// Content fingerprint, to skip unchanged documents when re-indexing.
        public static let fingerprint = 6
        /// The first linked city: the collapse key for "one hit per city".
        public static let primaryCity = 7
        /// Themes, joined by U+001F (facets).
        public static let themes = 8
    }

    /// Separator of several values in one slot.
    public static let valueSeparator = "\u{1F}"

    /// Title words weigh this many times body words.
    public static let titleWeight: UInt32 = 3

    /// The largest wdf of a theme term.
    public static let maxThemeWeight = 20

    /// Positions between title and body, so that phrases do not span them.
    public static let bodyPositionGap: UInt32 = 100

    /// Version of the analysis: changing it re-indexes every document.
    public static let analysisVersion = "5"

    /// A boolean term, following Xapian's convention that a value starting
    /// with a capital letter is separated from the prefix by a colon
    /// (`XK:VN`), as the QueryParser writes it for `country:VN`.
    public static func term(_ prefix: String, _ value: String) -> String {
        prefix + filterValue(value)
    }

    /// The value part of a boolean term (see `term`).
    public static func filterValue(_ value: String) -> String {
        if let first = value.unicodeScalars.first, first.properties.isUppercase { return ":" + value }
        return value
    }
}
