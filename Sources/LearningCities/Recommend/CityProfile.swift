import Foundation

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
        /// Title (read for profiles of cities).
        var title = ""
        /// Orders documents that score alike the same way whatever the
        /// shard layout (their fingerprint; docids depend on the layout).
        var order = ""
    }

    /// The city (nil for a text).
    var city: City?
    /// The text described (nil for a city); its one document has docid 0.
    var text: String?
    /// The documents, fewest linked cities first.
    var documents: [Document] = []
    /// Concept id → how much of the documents is about it: each document
    /// (weighted by `share`) adds 1 + ln(mentions).
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
            // A concept a document keeps coming back to weighs more than one
            // it names in passing (log-scaled mentions, as tf in tf-idf).
            for (concept, mentions) in document.concepts {
                concepts[concept, default: 0] += document.share * (1 + log(Double(max(mentions, 1))))
            }
            for theme in document.themes { themes[theme, default: 0] += document.share }
        }
        self.concepts = concepts.mapValues { $0 / max(total, 1e-9) }
        self.themes = themes.mapValues { $0 / max(total, 1e-9) }
        // A city's language is its country's (Vietnamese for Viet Nam's
        // members, English otherwise); a text's is the one it is written in.
        if let city {
            lang = city.country == "VN" ? "vi" : "en"
        } else {
            lang = languages.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? lang
        }
    }

    /// The document with this id, if it is part of the profile.
    func document(_ docid: UInt32) -> Document? {
        documents.first { $0.docid == docid }
    }
}
