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
}

/// Analyses source documents: NFC, words, language, city links, themes.
public struct DocumentAnalyzer: Sendable {
    private let tokenizer = Tokenizer()
    private let gazetteer: CityGazetteer
    private let citiesByID: [String: City]

    /// An analyzer that links documents to `cities`.
    public init(cities: [City]) {
        gazetteer = CityGazetteer(cities: cities)
        citiesByID = Dictionary(cities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
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
        let stored = StoredDocument(id: source.id, type: source.type, title: title, body: body, cities: cities,
                                    date: source.date, lang: lang, source: source.source,
                                    themes: source.themes ?? [])
        return AnalyzedDocument(stored: stored, titleTokens: titleTokens, bodyTokens: bodyTokens,
                                countries: unique(linked.map(\.country)),
                                regions: unique(linked.compactMap(\.region).map(TermSchema.slug)))
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
