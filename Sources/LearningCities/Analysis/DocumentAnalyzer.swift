import Foundation

/// A document after analysis: its words, language, linked cities and
/// themes, ready to become Xapian terms.
public struct AnalyzedDocument: Sendable {
    /// What the index stores and returns.
    public var stored: StoredDocument
    /// Words of the title.
    public var titleTokens: [Token]
    /// Words of the body.
    public var bodyTokens: [Token]
    /// Country codes of the linked cities.
    public var countries: [String]
    /// UNESCO regions of the linked cities (slugs).
    public var regions: [String]
    /// GNLC statuses of the linked cities (`member`, `applicant`, …); cities without one count as members.
    public var statuses: [String] = []
    /// Concept mentions in the title: (concept term, token index).
    public var titleMentions: [(term: String, tokenIndex: Int)] = []
    /// Concept mentions in the body: (concept term, token index).
    public var bodyMentions: [(term: String, tokenIndex: Int)] = []
    /// How many cue phrases of each theme the title and body contain (a
    /// theme given by the corpus but not found in the text counts 1).
    public var themeCounts: [String: Int] = [:]
    /// How many mentions of each programme concept the title and body contain.
    public var conceptCounts: [String: Int] = [:]
}

/// Analyses source documents: NFC, words, language, city links, concept
/// mentions (cities and abbreviations, for synonyms), programme concepts and
/// themes (a concept's themes count as found where the concept is).
public struct DocumentAnalyzer: Sendable {
    private let tokenizer = Tokenizer()
    private let gazetteer: CityGazetteer
    private let synonyms: SynonymDictionary
    private let citiesByID: [String: City]
    private let tagger: ThemeTagger?
    private let conceptTagger: ConceptTagger?
    private let knownThemes: Set<String>

    /// An analyzer that links documents to `cities`, marks mentions of
    /// cities and `abbreviations`, and tags documents with the concepts and
    /// themes of `vocabulary`.
    public init(cities: [City], abbreviations: AbbreviationList = AbbreviationList(),
                vocabulary: ProgrammeVocabulary = .empty) {
        self.init(cities: cities, abbreviations: abbreviations,
                  tagger: vocabulary.themes.isEmpty ? nil : ThemeTagger(vocabulary: vocabulary.themes),
                  conceptTagger: vocabulary.concepts.isEmpty ? nil : ConceptTagger(vocabulary: vocabulary.concepts),
                  knownThemes: Set(vocabulary.themes.themes.map(\.id)))
    }

    /// This analyzer with other cities and abbreviations and the same
    /// vocabulary: it analyses as one built from `cities`, `abbreviations`
    /// and this vocabulary, without building the vocabulary's taggers again
    /// (the slow part for the shipped vocabulary).
    public func replacing(cities: [City], abbreviations: AbbreviationList) -> DocumentAnalyzer {
        DocumentAnalyzer(cities: cities, abbreviations: abbreviations, tagger: tagger, conceptTagger: conceptTagger,
                         knownThemes: knownThemes)
    }

    private init(cities: [City], abbreviations: AbbreviationList, tagger: ThemeTagger?, conceptTagger: ConceptTagger?,
                 knownThemes: Set<String>) {
        gazetteer = CityGazetteer(cities: cities)
        synonyms = SynonymDictionary(cities: cities, abbreviations: abbreviations)
        citiesByID = Dictionary(cities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.tagger = tagger
        self.conceptTagger = conceptTagger
        self.knownThemes = knownThemes
    }

    /// Analyses one document.
    public func analyze(_ source: SourceDocument) -> AnalyzedDocument {
        let title = CanonicalComposition.nfc(source.title)
        let body = CanonicalComposition.nfc(source.body)
        let titleTokens = tokenizer.tokens(of: title)
        let bodyTokens = tokenizer.tokens(of: body)
        let lang = source.lang ?? LanguageDetector.detect(titleTokens + bodyTokens)
        var cities = source.cities ?? []
        if source.cities == nil {
            for id in gazetteer.cities(mentionedIn: titleTokens) + gazetteer.cities(mentionedIn: bodyTokens)
            where !cities.contains(id) {
                cities.append(id)
            }
        }
        let linked = cities.compactMap { citiesByID[$0] }
        var themeCounts: [String: Int] = [:]
        if let tagger {
            themeCounts = tagger.counts(in: titleTokens)
            for (theme, count) in tagger.counts(in: bodyTokens) { themeCounts[theme, default: 0] += count }
        }
        var conceptCounts: [String: Int] = [:]
        if let conceptTagger {
            conceptCounts = conceptTagger.counts(in: titleTokens)
            for (concept, count) in conceptTagger.counts(in: bodyTokens) { conceptCounts[concept, default: 0] += count }
            for (theme, count) in conceptTagger.themeCounts(of: conceptCounts) where knownThemes.contains(theme) {
                themeCounts[theme, default: 0] += count
            }
        }
        let given = source.themes ?? []
        for theme in given where themeCounts[theme] == nil { themeCounts[theme] = 1 }
        let tagged = tagger?.sorted(themeCounts.keys.filter { !given.contains($0) }) ?? []
        let stored = StoredDocument(id: source.id, type: source.type, title: title, body: body, cities: cities,
                                    date: source.date, lang: lang, source: source.source,
                                    themes: unique(given + tagged))
        return AnalyzedDocument(stored: stored, titleTokens: titleTokens, bodyTokens: bodyTokens,
                                countries: unique(linked.map(\.country)),
                                regions: unique(linked.compactMap(\.region).map(TermSchema.slug)),
                                statuses: unique(linked.map { ($0.status ?? .member).rawValue }),
                                titleMentions: synonyms.mentions(in: titleTokens),
                                bodyMentions: synonyms.mentions(in: bodyTokens),
                                themeCounts: themeCounts, conceptCounts: conceptCounts)
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
