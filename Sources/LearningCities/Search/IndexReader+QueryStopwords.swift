extension IndexReader {
    /// Whether a query word's search key is a stopword to drop (frequent in
    /// this index); answers are remembered until the index changes.
    public func isQueryStopword(_ key: String) -> Bool {
        derived("search.stopword:" + key) { QueryStopper.isFrequentStopword(key, in: database) }
    }
}
