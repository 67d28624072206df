/// What the recommender knows about one side of a comparison (a city of the
/// index, or a free-text description): the documents that describe its
/// programmes and, from their `XP` and `XH` terms, how much of them is about
/// each programme concept and theme.
struct CityProfile {
    /// One document of the profile.
    struct Document {
        var docid: UInt32
        /// 1 / number of cities the document links to.
        var share: Double
        /// `vi` or `en` (or another code).
        var lang: String
        /// `profile`, `initiative` or `news`.
        var type: String
        /// Concept ids with their mention counts.
        var concepts: [String: Int]
        /// Theme ids.
        var themes: Set<String>
    }

    /// The city (nil for a text).
    var city: City?
    /// The text described (nil for a city); its one document has docid 0.
    var text: String?
    /// The documents, fewest linked cities first.
    var documents: [Document] = []
    /// Concept id → share of the documents (weighted by `share`) that mention it.
    var concepts: [String: Double] = [:]
    /// Theme id → share of the documents that carry it.
    var themes: [String: Double] = [:]
    /// The language most of the documents are in.
    var lang = "en"

    /// Computes `concepts`, `themes` and `lang` from `documents`.
    mutating func summarise() {
        var total = 0.0
        var concepts: [String: Double] = [:]
        var themes: [String: Double] = [:]
        var languages: [String: Double] = [:]
        for document in documents {
            total += document.share
            languages[document.lang, default: 0] += document.share
            for concept in document.concepts.keys { concepts[concept, default: 0] += document.share }
            for theme in document.themes { themes[theme, default: 0] += document.share }
        }
        self.concepts = concepts.mapValues { $0 / max(total, 1e-9) }
        self.themes = themes.mapValues { $0 / max(total, 1e-9) }
        lang = languages.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? lang
    }

    /// The document with this id, if it is part of the profile.
    func document(_ docid: UInt32) -> Document? {
        documents.first { $0.docid == docid }
    }
}
