/// What the server calls for `recommend`. The partner recommender plugs in
/// here (an adapter from `RecommendParams` to its own request, returning its
/// `--json` response); a server built without one answers `recommend` with
/// -32601 "not available in this build".
public protocol RecommendHandling {
    /// Recommends partners on the index's current revision. Throws the same
    /// errors as search (`SearchError`, `IndexError`), which become JSON-RPC errors.
    func recommend(_ params: RecommendParams, index: IndexReader) throws -> any Encodable & Sendable
}
