/// One ranked hit of a search.
public struct SearchHit: Codable, Sendable, Equatable {
    /// 1-based rank over the whole result list (offset included).
    public var rank: Int
    /// Document id.
    public var id: String
    /// Document type.
    public var type: String
    /// Title.
    public var title: String
    /// Linked city ids.
    public var cities: [String]
    /// `YYYY-MM-DD` or `YYYY`, or null.
    public var date: String?
    /// `vi` or `en`.
    public var lang: String
    /// BM25 relevance weight.
    public var score: Double
    /// The best-matching passage: HTML-escaped text with matches in `<b>…</b>`.
    public var snippet: String

    enum CodingKeys: String, CodingKey {
        case rank, id, type, title, cities, date, lang, score, snippet
    }

    /// Encodes every field, `date` as null when absent.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rank, forKey: .rank)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(cities, forKey: .cities)
        try container.encode(date, forKey: .date)
        try container.encode(lang, forKey: .lang)
        try container.encode(score, forKey: .score)
        try container.encode(snippet, forKey: .snippet)
    }
}

/// Counts of matching documents by type, country and language.
public struct SearchFacets: Codable, Sendable, Equatable {
    /// By document type.
    public var type: [String: Int]
    /// By country code of the linked cities.
    public var country: [String: Int]
    /// By language.
    public var lang: [String: Int]
}

/// The answer to a search: the shape of `learncity search --json` and of the
/// JSON-RPC `search` result.
public struct SearchResponse: Codable, Sendable, Equatable {
    /// The query as typed.
    public var query: String
    /// Number of matching documents.
    public var total: Int
    /// The offset asked for.
    public var offset: Int
    /// The hits, best first.
    public var results: [SearchHit]
    /// Counts over all matches.
    public var facets: SearchFacets
    /// True when no document had every word, so documents with any word are shown.
    public var relaxed: Bool
    /// The largest limit honoured, when the request asked for more.
    public var limitClamped: Int?
    /// True when there were more matches than the facet sample: `total` is
    /// Xapian's estimate and facet counts are scaled from the sample.
    public var facetsSampled: Bool?
    /// A spelling correction, when the query found little ("did you mean").
    public var didYouMean: String?
    /// The query with its most likely accents, when it was typed without them.
    public var accented: String?
    /// True when some shards could not be searched (`--allow-partial`).
    public var partial: Bool? = nil
    /// The shards (host:port or path) left out of a partial answer.
    public var unavailable: [String]? = nil
    /// `words` when Xapian's parser rejected the query (stray `..`,
    /// unbalanced quotes or brackets, a trailing operator) and its words were
    /// searched as plain text instead.
    public var parsedAs: String? = nil
    /// Documents with every word in the exact form typed (or read), when the
    /// query is short and typed with accents or restored with confidence.
    public var exactMatches: Int? = nil
    /// Documents with every word's letters but not its exact accents (`Thủ đô`
    /// and `thành viên` for `thư viện`): ranked after every exact match.
    public var approximateMatches: Int? = nil
    /// Documents with only some of the words, shown after the `total` that
    /// have them all (short queries whose page was not full).
    public var partialMatches: Int? = nil
    /// The rank of the first document with only some of the words.
    public var partialFrom: Int? = nil

    enum CodingKeys: String, CodingKey {
        case query, total, offset, results, facets, relaxed, accented
        case limitClamped = "limit_clamped"
        case didYouMean = "did_you_mean"
        case facetsSampled = "facets_sampled"
        case partial, unavailable
        case parsedAs = "parsed_as"
        case exactMatches = "exact_matches"
        case approximateMatches = "approximate_matches"
        case partialMatches = "partial_matches"
        case partialFrom = "partial_from"
    }
}
