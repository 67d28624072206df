/// A comparison of two cities, as the CLI and the JSON-RPC `compare` params give it.
public struct CompareRequest: Codable, Sendable, Equatable {
    /// The first city (id, name or alias).
    public var a: String
    /// The second city.
    public var b: String
    /// Language of labels (`vi` or `en`); nil: the first city's language.
    public var lang: String?

    /// Creates a request.
    public init(a: String, b: String, lang: String? = nil) {
        self.a = a
        self.b = b
        self.lang = lang
    }
}
