/// A query typed without accents, read with its most likely accents.
public struct AccentRestoration: Sendable, Equatable {
    /// The exact forms chosen, one per query word.
    public var words: [String]
    /// True when the index supports the reading well enough to rank by it:
    /// the restored words occur together in some document (or, for one
    /// word, its form makes up most uses of its key).
    public var confident: Bool

    /// The reading as text.
    public var text: String { words.joined(separator: " ") }
}
