/// What one `learncity index` run did.
public struct IndexSummary: Codable, Sendable, Equatable {
    /// Documents added for the first time.
    public var added = 0
    /// Documents whose content changed and were replaced.
    public var updated = 0
    /// Documents left as they were (same content).
    public var unchanged = 0
    /// Documents removed because they left the corpus.
    public var removed = 0
    /// Lines or files skipped because of corpus problems.
    public var skipped = 0
    /// Cities in the corpus.
    public var cities = 0
    /// Documents in the index afterwards.
    public var documents = 0
    /// Wall time in seconds.
    public var seconds = 0.0

    /// Documents added or updated.
    public var indexed: Int { added + updated }

    /// An empty summary.
    public init() {}
}
