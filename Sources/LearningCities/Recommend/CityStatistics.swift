import Foundation
import XapianKit

/// Evidence counted per city, not per document: for every programme
/// concept, theme and word, how many cities carry it, by the language of the
/// documents it is found in. Built once per revision of the index from every
/// city's own profile (the same documents `ProfileBuilder` reads).
///
/// Its weight (`rarity`) is a city-level idf taken in the language where the
/// evidence is most common: a concept or word that most cities documented in
/// some language carry weighs almost nothing. So
/// - a profile template shared by every Vietnamese city (its *ban chỉ đạo…
///   bộ tiêu chí đánh giá*, and the concepts it is tagged with) contributes
///   next to nothing, though only a quarter of all cities have it;
/// - generic words of a language (*kế hoạch*, *triển khai*, *committee*) say
///   nothing, while a word only a few cities of that language use does;
/// - a city documented in many documents and one documented in a single
///   initiative are compared as cities (normalised vectors), not as bags of
///   documents.
/// Shards searched as one database give one set of statistics, the same as a
/// single database.
final class CityStatistics {
    /// One city's evidence: log-scaled mention weights per key (not yet weighted by rarity).
    struct Vectors {
        var concepts: [String: Double] = [:]
        var themes: [String: Double] = [:]
        var words: [String: Double] = [:]
        /// Languages of the documents (words only ever match within one).
        var languages: Set<String> = []
    }

    /// What kind of evidence a key is.
    enum Kind: Int, CaseIterable { case concept, theme, word }

    /// Each city with documents: its vectors from its own profile (no focus, nothing excluded).
    private(set) var cities: [String: Vectors] = [:]
    /// Cities with at least one document, by document language.
    private var citiesByLanguage: [String: Int] = [:]
    private var cityCount = 0
    /// kind → key → language → cities carrying the key in a document of that language.
    private var carriers: [[String: [String: Int]]] = Array(repeating: [:], count: Kind.allCases.count)
    private var rarityCache: [[String: Double]] = Array(repeating: [:], count: Kind.allCases.count)
    private var wordCache: [UInt32: [String: Int]] = [:]
    private let database: Database
    private let stopTerms: Set<String>
    /// Languages documented by fewer cities than this are judged only together with all cities.
    let minimumLanguageCities = 3

    /// The statistics of `index`, built on first use and kept for its revision.
    static func of(_ index: IndexReader, builder: ProfileBuilder) throws -> CityStatistics {
        try index.derived("recommend.cityStatistics") { try CityStatistics(index: index, builder: builder) }
    }

    private init(index: IndexReader, builder: ProfileBuilder) throws {
        database = index.database
        stopTerms = Set(index.recommendStopTerms)
        var carriers = self.carriers
        for city in index.cities.all {
            guard let profile = try builder.profile(of: city, focus: nil, excluding: nil) else { continue }
            cityCount += 1
            var languages: Set<String> = []
            var carried: [[String: Set<String>]] = Array(repeating: [:], count: Kind.allCases.count)
            for document in profile.documents {
                languages.insert(document.lang)
                for concept in document.concepts.keys { carried[Kind.concept.rawValue][concept, default: []].insert(document.lang) }
                for theme in document.themes { carried[Kind.theme.rawValue][theme, default: []].insert(document.lang) }
                for word in try words(of: document.docid).keys { carried[Kind.word.rawValue][word, default: []].insert(document.lang) }
            }
            for language in languages { citiesByLanguage[language, default: 0] += 1 }
            for kind in Kind.allCases {
                for (key, languages) in carried[kind.rawValue] {
                    for language in languages { carriers[kind.rawValue][key, default: [:]][language, default: 0] += 1 }
                }
            }
            cities[city.id] = try vectors(of: profile)
        }
        self.carriers = carriers
    }

    /// How telling `key` is: `log((n + 1) / (carriers + ½))` over all
    /// cities, and over the cities of each language that has the key, the
    /// smallest: about 0.1 for a key every city of some language carries
    /// (not quite 0, so that a corpus of three cities that all run the same
    /// programme still finds them alike), 1.2 for one of four.
    func rarity(_ key: String, _ kind: Kind) -> Double {
        if let known = rarityCache[kind.rawValue][key] { return known }
        var value = 0.0
        if let byLanguage = carriers[kind.rawValue][key] {
            let total = byLanguage.values.reduce(0, +)
            value = log(Double(cityCount + 1) / (Double(min(total, cityCount)) + 0.5))
            for (language, count) in byLanguage {
                let cities = citiesByLanguage[language] ?? 0
                guard cities >= minimumLanguageCities else { continue }
                value = min(value, log(Double(cities + 1) / (Double(min(count, cities)) + 0.5)))
            }
        }
        value = max(value, 0)
        rarityCache[kind.rawValue][key] = value
        return value
    }

    /// The largest share of the cities of one language (of all cities, for
    /// languages of few cities) that carry `key`: 1 for a template's words.
    func commonness(_ key: String, _ kind: Kind) -> Double {
        guard let byLanguage = carriers[kind.rawValue][key], cityCount > 0 else { return 0 }
        var value = Double(byLanguage.values.reduce(0, +)) / Double(cityCount)
        for (language, count) in byLanguage {
            let cities = citiesByLanguage[language] ?? 0
            guard cities >= minimumLanguageCities else { continue }
            value = max(value, Double(count) / Double(cities))
        }
        return min(value, 1)
    }

    /// `weights` multiplied by each key's rarity (unknown keys left out).
    func weighted(_ weights: [String: Double], _ kind: Kind) -> [String: Double] {
        var result: [String: Double] = [:]
        for (key, weight) in weights {
            let rarity = rarity(key, kind)
            if rarity > 0 { result[key] = weight * rarity }
        }
        return result
    }

    /// Vectors weighted by rarity, each with its keys in order and its
    /// norm: what the first, rough ranking of every city compares.
    struct WeightedVectors {
        /// Concept, theme and word vectors, weighted by `weighted(_:_:)`.
        var parts: [[String: Double]]
        /// Each part's keys, sorted (sums run in this order, as in `ProfileSimilarity`).
        var keys: [[String]]
        /// Each part's Euclidean norm (summed in the order of its sorted values, as in `ProfileSimilarity`).
        var norms: [Double]
        /// Languages of the documents.
        var languages: Set<String>

        /// The cosine of part `part` of `self` and `other`: `ProfileSimilarity(…).value`, without the contributions.
        func cosine(_ other: WeightedVectors, part: Int) -> Double {
            let norm = norms[part] * other.norms[part]
            guard norm > 0 else { return 0 }
            var dot = 0.0
            let theirs = other.parts[part]
            for key in keys[part] {
                guard let x = parts[part][key], let y = theirs[key], x > 0, y > 0 else { continue }
                dot += x * y
            }
            return min(1, dot / norm)
        }
    }
    private var weightedCities: [String: WeightedVectors] = [:]

    /// `vectors` weighted by rarity, with sorted keys and norms.
    func weighted(_ vectors: Vectors) -> WeightedVectors {
        let parts = [weighted(vectors.concepts, .concept), weighted(vectors.themes, .theme), weighted(vectors.words, .word)]
        return WeightedVectors(parts: parts, keys: parts.map { $0.keys.sorted() },
                               norms: parts.map { ($0.values.sorted().reduce(0) { $0 + $1 * $1 }).squareRoot() },
                               languages: vectors.languages)
    }

    /// The weighted vectors of city `id` (nil when it has no documents),
    /// computed on first use and kept with these statistics.
    func weightedCity(_ id: String) -> WeightedVectors? {
        if let known = weightedCities[id] { return known }
        guard let vectors = cities[id] else { return nil }
        let value = weighted(vectors)
        weightedCities[id] = value
        return value
    }

    /// The vectors of `profile` (not yet weighted by rarity).
    func vectors(of profile: CityProfile) throws -> Vectors {
        Vectors(concepts: profile.concepts, themes: profile.themes, words: try words(of: profile),
                languages: Set(profile.documents.map(\.lang)))
    }

    /// The word vector of `profile`'s documents: each document (weighted by
    /// its share) adds 1 + ln(occurrences) of each distinctive word, divided
    /// by the documents' total share, as for concepts. For a text, its own words.
    func words(of profile: CityProfile) throws -> [String: Double] {
        if let text = profile.text {
            var counts: [String: Int] = [:]
            for token in Tokenizer().tokens(of: CanonicalComposition.nfc(text)) where isWord(token.key) {
                counts[token.key, default: 0] += 1
            }
            return counts.mapValues { 1 + log(Double($0)) }
        }
        var vector: [String: Double] = [:]
        var total = 0.0
        for document in profile.documents {
            total += document.share
            for (word, count) in try words(of: document.docid) {
                vector[word, default: 0] += document.share * (1 + log(Double(max(count, 1))))
            }
        }
        return vector.mapValues { $0 / max(total, 1e-9) }
    }

    /// The distinctive words (`XF` keys; no stopword, boilerplate, number or city-name word) of a document, with counts.
    private func words(of docid: UInt32) throws -> [String: Int] {
        if let known = wordCache[docid] { return known }
        var words: [String: Int] = [:]
        for term in try database.terms(of: docid, prefix: TermSchema.folded) where !stopTerms.contains(term.term) {
            let key = String(term.term.dropFirst(TermSchema.folded.count))
            if isWord(key) { words[key] = term.frequency }
        }
        wordCache[docid] = words
        return words
    }

    private func isWord(_ key: String) -> Bool {
        !key.isEmpty && !key.contains(where: \.isNumber) && !stopTerms.contains(TermSchema.folded + key)
            && !SharedWords.uninformative.contains(key)
    }
}
