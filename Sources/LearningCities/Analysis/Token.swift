/// One word of a text, in the three forms the index uses.
public struct Token: Sendable, Equatable {
    /// Lower-case NFC form with canonical tone placement (`hòa`).
    public var exact: String
    /// `exact` with every accent folded away (`hoa`).
    public var folded: String
    /// The search key: `folded`, stemmed when it is not a Vietnamese syllable (`learn`).
    public var key: String
    /// True when the word began with an upper-case letter in the text.
    public var capitalized: Bool
    /// True when a sentence or clause boundary comes before this word.
    public var startsClause: Bool
}
