/// How `Searcher` ranks: BM25's parameters, how much exact accents, bigrams
/// and question words weigh, and how words combine by query length. The
/// defaults were tuned on folds 0-2 of the development question sets and
/// reported on folds 3-4 (`learncity-bench quality --tune`, docs/quality.md),
/// not on test queries: exact weight 0.5, coordination 0. BM25's k1 and b
/// stay at Xapian's 1 and 0.5: the tuned 1.2 and 0.75 gained 0.002 MRR (noise)
/// and pushed long documents such as news articles down the short queries.
public struct RankingPolicy: Sendable, Equatable {
    /// BM25 k1: how fast repeated words stop adding weight.
    public var k1 = 1.0
    /// BM25 b: how much long documents are penalised (0…1).
    public var b = 0.5
    /// Weight factor of the exact (accented) words, OR'ed as a boost.
    public var exactWeight = 0.5
    /// Weight factor of bigram boosts (1: a bigram weighs like a word).
    public var bigramWeight = 1.0
    /// Weight factor of question words (`bao nhiêu`, `how many`), which only boost.
    public var questionWeight = 0.2
    /// Queries with at most this many content words (not stopwords, not
    /// question words) are short: the documents with every word come first
    /// and documents with some of them fill the page after them.
    public var shortQueryWords = 4
    /// Longer queries: every word is optional and documents with all of them
    /// gain their weight again times this factor (coordination). Tuned to 0
    /// on the question sets: BM25's sum over the words already favours the
    /// documents with more of them, and a bonus for all of them cost MRR.
    public var coordination = 0.0
    /// With at most this many content words, a query typed with accents (or
    /// restored with confidence) ranks the documents that have all its exact
    /// words in a tier above those that only share their letters.
    public var exactTierWords = 4
    /// The constant weight that puts exact matches in a tier of their own
    /// (above any sum of word weights of a short query).
    public var exactTierWeight = 1000.0

    /// The shipped policy.
    public init() {}
}
