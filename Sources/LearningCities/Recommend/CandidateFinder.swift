import Foundation
import XapianKit

/// Finds the cities worth comparing with a source, with Xapian: three
/// weighted OR queries over every document not linked to the source —
/// its programme concepts (`XP`, idf-weighted), its themes (`XH`) and its
/// most distinctive words (`XF` terms picked by relevance feedback,
/// `Enquire::get_eset`) — and credits each hit to the cities it links to.
/// A news article naming several cities is credited to none of them: it
/// says nothing about what each one does.
final class CandidateFinder {
    /// A city found by the queries.
    struct Candidate {
        /// Its documents that matched, with their lexical (word) weight.
        var documents: [(docid: UInt32, lexical: Double)] = []
        /// Best-three sum of the normalised query weights: a first ranking.
        var rough = 0.0
    }

    private let index: IndexReader
    private let builder: ProfileBuilder
    /// Documents fetched by each query.
    let limit: Int

    init(index: IndexReader, builder: ProfileBuilder, limit: Int) {
        self.index = index
        self.builder = builder
        self.limit = limit
    }

    /// The most distinctive words of `profile`'s documents (relevance
    /// feedback; stopwords, numbers, boilerplate and city names excluded),
    /// or, for a text, its own words weighted by tf-idf.
    func lexicalTerms(of profile: CityProfile, text: String?, count: Int, maxDocumentShare: Double) throws -> [(term: String, weight: Double)] {
        let database = index.database
        let documentCount = try database.documentCount()
        let share = documentCount >= 20 ? maxDocumentShare : 0
        if let text {
            var frequencies: [String: Int] = [:]
            for token in Tokenizer().tokens(of: text) { frequencies[token.key, default: 0] += 1 }
            let stops = Set(index.recommendStopTerms)
            let maxFrequency = share > 0 ? Int(share * Double(documentCount)) : documentCount
            var weighted: [(term: String, weight: Double)] = []
            for (key, count) in frequencies {
                let term = TermSchema.folded + key
                guard !stops.contains(term), !key.allSatisfy(\.isNumber) else { continue }
                let frequency = try database.termFrequency(term)
                guard frequency > 0, frequency <= maxFrequency else { continue }
                weighted.append((term: term, weight: Double(count) * log(Double(documentCount + 1) / Double(frequency))))
            }
            weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            return Array(weighted.prefix(count))
        }
        guard !profile.documents.isEmpty else { return [] }
        var options = ExpandOptions(relevantDocuments: profile.documents.map(\.docid))
        options.maxTerms = count
        options.prefix = TermSchema.folded
        options.stopTerms = index.recommendStopTerms
        options.minTermFrequency = 2
        options.maxDocumentShare = share
        options.skipNumbers = true
        return try database.expand(options).map { (term: $0.term, weight: $0.weight) }
    }

    /// Cities found for `source` by its concepts, themes and `lexicalTerms`, keyed by city id.
    func candidates(for source: CityProfile, lexicalTerms: [(term: String, weight: Double)], rarity: TermRarity,
                    filters: [(prefix: String, value: String)]) throws -> [String: Candidate] {
        let excluded = source.city.map { [TermSchema.term(TermSchema.city, $0.id)] } ?? []
        let conceptTerms = try rarity.weighted(source.concepts, prefix: TermSchema.programmeConcept)
            .map { (term: TermSchema.programmeConcept + $0.key, weight: $0.value) }
        let themeTerms = try rarity.weighted(source.themes, prefix: TermSchema.theme)
            .map { (term: TermSchema.term(TermSchema.theme, $0.key), weight: $0.value) }
        var weights: [[UInt32: Double]] = []
        for terms in [conceptTerms, themeTerms, lexicalTerms] {
            var hits: [UInt32: Double] = [:]
            for hit in try search(terms, filters: filters, excluded: excluded, limit: limit) { hits[hit.docid] = hit.weight }
            weights.append(hits)
        }
        let tops = weights.map { $0.values.max() ?? 1 }
        var cities: [String: Candidate] = [:]
        var roughParts: [String: [Double]] = [:]
        for docid in Set(weights.flatMap(\.keys)).sorted() {
            let linked = try builder.listValue(docid, slot: TermSchema.Slot.cities)
            if linked.count > 1,
               String(decoding: try index.database.value(of: docid, slot: TermSchema.Slot.type), as: UTF8.self) == DocumentType.news.rawValue {
                continue
            }
            let share = 1 / Double(max(linked.count, 1))
            var rough = 0.0
            for (part, hits) in weights.enumerated() { rough += (hits[docid] ?? 0) / max(tops[part], 1e-9) }
            for id in linked where id != source.city?.id {
                cities[id, default: Candidate()].documents.append((docid, (weights[2][docid] ?? 0) * share))
                roughParts[id, default: []].append(rough * share)
            }
        }
        for (id, parts) in roughParts { cities[id]?.rough = PartnerRecommender.topSum(parts) }
        return cities
    }

    /// The source's own score for its lexical query (the best-three sum over
    /// its documents): the reference that makes lexical scores absolute.
    func lexicalReference(of source: CityProfile, terms: [(term: String, weight: Double)]) throws -> Double {
        guard let city = source.city, !terms.isEmpty else { return 0 }
        let shares = Dictionary(source.documents.map { ($0.docid, $0.share) }, uniquingKeysWith: { first, _ in first })
        var own: [Double] = []
        for hit in try search(terms, filters: [(TermSchema.city, city.id)], excluded: [], limit: 50) {
            if let share = shares[hit.docid] { own.append(hit.weight * share) }
        }
        return PartnerRecommender.topSum(own)
    }

    /// The lexical weights of `city`'s documents for `terms` (used by compare, where the city was not searched for).
    func lexicalDocuments(of city: String, terms: [(term: String, weight: Double)], excluding other: String?) throws -> [(docid: UInt32, lexical: Double)] {
        let excluded = other.map { [TermSchema.term(TermSchema.city, $0)] } ?? []
        var documents: [(docid: UInt32, lexical: Double)] = []
        for hit in try search(terms, filters: [(TermSchema.city, city)], excluded: excluded, limit: 50) {
            let linked = try builder.listValue(hit.docid, slot: TermSchema.Slot.cities)
            documents.append((hit.docid, hit.weight / Double(max(linked.count, 1))))
        }
        return documents
    }

    private func search(_ terms: [(term: String, weight: Double)], filters: [(prefix: String, value: String)],
                        excluded: [String], limit: Int) throws -> [MatchSet.Hit] {
        guard !terms.isEmpty else { return [] }
        var options = SearchOptions()
        options.weightedTerms = terms
        options.filters = filters.map { ($0.prefix, TermSchema.filterValue($0.value)) }
        options.excludedTerms = excluded
        options.limit = limit
        options.defaultAnd = false
        options.relaxToOr = false
        // Equal weights in fingerprint order, not docid order (which depends on the shard layout).
        options.tieBreakSlot = TermSchema.Slot.fingerprint
        return try index.database.search(options).hits
    }
}
