extension IndexReader {
    /// Terms relevance feedback never picks for partner recommendation (stopwords, boilerplate,
    /// every word of every city name), computed once per revision.
    public var recommendStopTerms: [String] {
        derived("recommend.stopTerms") { RecommendStopTerms.terms(cities: cities.all) }
    }
}
