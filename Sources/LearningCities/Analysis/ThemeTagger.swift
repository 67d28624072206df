/// Tags a text with the themes of a `ThemeVocabulary`: a theme is found when
/// one of its cue phrases occurs (see `CuePhraseMatcher` for how phrases
/// match: whole words, case- and accent-insensitive, English by stem,
/// accents typed must agree).
public struct ThemeTagger: Sendable {
    private let matcher: CuePhraseMatcher
    /// Theme ids in vocabulary order.
    private let order: [String: Int]

    /// A tagger for the cues of `vocabulary`.
    public init(vocabulary: ThemeVocabulary) {
        matcher = CuePhraseMatcher(phrases: vocabulary.themes.map { (id: $0.id, phrases: $0.allCues) })
        order = Dictionary(vocabulary.themes.enumerated().map { ($0.element.id, $0.offset) },
                           uniquingKeysWith: { first, _ in first })
    }

    /// How many cue phrases of each theme occur in `tokens` (see `CuePhraseMatcher.counts`).
    public func counts(in tokens: [Token]) -> [String: Int] {
        matcher.counts(in: tokens)
    }

    /// `ids` in vocabulary order (unknown ids last, by name).
    public func sorted(_ ids: [String]) -> [String] {
        ids.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
    }
}
