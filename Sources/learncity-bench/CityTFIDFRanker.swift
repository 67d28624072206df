import Foundation
import LearningCities
import XapianKit

/// The plain baseline for partner recommendation: every city is the bag of
/// the exact words of all documents linked to it, weighted by tf-idf, and
/// partners are ranked by cosine similarity. No vocabulary, no concepts, no
/// care for multi-city news: what a simple engine would do.
struct CityTFIDFRanker {
    private var vectors: [String: [String: Double]] = [:]
    private var norms: [String: Double] = [:]

    /// Reads the vectors of every city of `reader` (a single database,
    /// opened here with plain XapianKit: the baseline reads Xapian itself).
    init(reader: IndexReader) throws {
        let database = try Database(path: reader.path)
        let count = Double(max(try database.documentCount(), 1))
        var idf: [String: Double] = [:]
        for city in reader.cities.all {
            var tf: [String: Double] = [:]
            for docid in try database.documentIDs(for: TermSchema.term(TermSchema.city, city.id)) {
                for term in try database.terms(of: docid) where Self.isWord(term.term) {
                    tf[term.term, default: 0] += Double(term.frequency)
                }
            }
            var vector: [String: Double] = [:]
            for (term, frequency) in tf {
                if idf[term] == nil { idf[term] = log(count / Double(max(try database.termFrequency(term), 1))) }
                vector[term] = (1 + log(frequency)) * (idf[term] ?? 0)
            }
            vectors[city.id] = vector
            // Summed in term order, so that equal vectors get equal norms in every run.
            norms[city.id] = vector.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        }
    }

    /// The `limit` cities most similar to `city`, best first.
    func partners(of city: String, limit: Int) -> [String] {
        guard let source = vectors[city], let sourceNorm = norms[city], sourceNorm > 0 else { return [] }
        var scored: [(id: String, score: Double)] = []
        // Term order fixed: a dictionary's order changes between runs, and so would the rounding
        // of the dot products, and with it the order of cities whose scores tie.
        let sourceTerms = source.sorted { $0.key < $1.key }
        for (id, vector) in vectors where id != city {
            guard let norm = norms[id], norm > 0 else { continue }
            var dot = 0.0
            for (term, weight) in sourceTerms { if let other = vector[term] { dot += weight * other } }
            scored.append((id, dot / (sourceNorm * norm)))
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(limit).map(\.id)
    }

    /// Exact words: unprefixed terms that are not numbers.
    private static func isWord(_ term: String) -> Bool {
        guard let first = term.unicodeScalars.first else { return false }
        return !(first >= "A" && first <= "Z") && !term.allSatisfy(\.isNumber)
    }
}
