/// Tags a text with the programme concepts of a `ConceptVocabulary`: a
/// concept is mentioned when one of its forms, in any language, occurs as a
/// run of words (see `CuePhraseMatcher`). `người cao tuổi`, `senior citizens`
/// and `the elderly` are all mentions of `older-people`; a document gets the
/// term `XPolder-people` and the concept's themes, whatever its language.
public struct ConceptTagger: Sendable {
    private let matcher: CuePhraseMatcher
    private let themesByConcept: [String: [String]]

    /// A tagger for the forms of `vocabulary`.
    public init(vocabulary: ConceptVocabulary) {
        matcher = CuePhraseMatcher(phrases: vocabulary.concepts.map { (id: $0.id, phrases: $0.allForms) })
        themesByConcept = Dictionary(vocabulary.concepts.map { ($0.id, $0.themes) }, uniquingKeysWith: { first, _ in first })
    }

    /// The forms of every concept as a table for the index's metadata (see
    /// `CuePhraseMatcher.table`): queries read the few forms they can match.
    public var formTable: [UInt8] { matcher.table }

    /// True when the vocabulary has no concept.
    public var isEmpty: Bool { matcher.isEmpty }

    /// How many mentions of each concept `tokens` contain.
    public func counts(in tokens: [Token]) -> [String: Int] {
        matcher.counts(in: tokens)
    }

    /// Every mention: the concept id, its first token and its length in tokens.
    public func mentions(in tokens: [Token]) -> [(id: String, start: Int, length: Int)] {
        matcher.matches(in: tokens)
    }

    /// The themes of the concepts in `counts`, each counted as many times as its concepts were mentioned.
    public func themeCounts(of counts: [String: Int]) -> [String: Int] {
        var themes: [String: Int] = [:]
        for (concept, count) in counts {
            for theme in themesByConcept[concept] ?? [] { themes[theme, default: 0] += count }
        }
        return themes
    }
}
