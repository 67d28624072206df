/// Tags a text with the themes of a `ThemeVocabulary`: a theme is found when
/// one of its cue phrases occurs as a run of words, case- and
/// accent-insensitively and with English words compared by stem
/// (`learning festivals` matches the cue `learning festival`). As in
/// `CityGazetteer`, accents typed in the text must agree with the cue's
/// (`bỏ học` is not `bộ học`); accents missing are fine (`bo hoc`).
public struct ThemeTagger: Sendable {
    struct Cue: Sendable {
        let themeID: String
        let exact: [String]
        let keys: [String]
        /// Whether each word of the cue is written with accents.
        let accented: [Bool]
    }

    /// Cues by their first key, longest first.
    private let cues: [String: [Cue]]
    /// Theme ids in vocabulary order.
    private let order: [String: Int]

    /// A tagger for the cues of `vocabulary`.
    public init(vocabulary: ThemeVocabulary) {
        var cues: [String: [Cue]] = [:]
        let tokenizer = Tokenizer()
        for theme in vocabulary.themes {
            for phrase in Set(theme.allCues) {
                let tokens = tokenizer.tokens(of: phrase)
                guard let first = tokens.first else { continue }
                cues[first.key, default: []].append(
                    Cue(themeID: theme.id, exact: tokens.map(\.exact), keys: tokens.map(\.key),
                        accented: tokens.map { $0.exact != $0.folded }))
            }
        }
        for key in cues.keys {
            cues[key]?.sort { $0.keys.count != $1.keys.count ? $0.keys.count > $1.keys.count : $0.themeID < $1.themeID }
        }
        self.cues = cues
        order = Dictionary(vocabulary.themes.enumerated().map { ($0.element.id, $0.offset) },
                           uniquingKeysWith: { first, _ in first })
    }

    /// How many cue phrases of each theme occur in `tokens`. At each word
    /// the longest matching cue of each theme counts once, and a theme's
    /// match is not counted again inside itself (`learning festival` is one
    /// match of `festivals`, not two).
    public func counts(in tokens: [Token]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var coveredUntil: [String: Int] = [:]
        for index in tokens.indices {
            guard let candidates = cues[tokens[index].key] else { continue }
            var matchedHere: Set<String> = []
            for cue in candidates where !matchedHere.contains(cue.themeID) && matches(cue, tokens, at: index) {
                matchedHere.insert(cue.themeID)
                if index >= coveredUntil[cue.themeID, default: 0] {
                    counts[cue.themeID, default: 0] += 1
                    coveredUntil[cue.themeID] = index + cue.keys.count
                }
            }
        }
        return counts
    }

    /// The ids of the themes found in `tokens`, in vocabulary order.
    public func themes(in tokens: [Token]) -> [String] {
        sorted(Array(counts(in: tokens).keys))
    }

    /// `ids` in vocabulary order (unknown ids last, by name).
    public func sorted(_ ids: [String]) -> [String] {
        ids.sorted { (order[$0] ?? Int.max, $0) < (order[$1] ?? Int.max, $1) }
    }

    private func matches(_ cue: Cue, _ tokens: [Token], at start: Int) -> Bool {
        guard start + cue.keys.count <= tokens.count else { return false }
        for offset in 0..<cue.keys.count {
            let token = tokens[start + offset]
            guard token.key == cue.keys[offset] else { return false }
            // Accents typed on both sides must agree; accents missing on either side are fine.
            if cue.accented[offset], token.exact != token.folded, token.exact != cue.exact[offset] {
                return false
            }
            // A cue phrase does not run across a sentence or clause break.
            if offset > 0, token.startsClause { return false }
        }
        return true
    }
}
