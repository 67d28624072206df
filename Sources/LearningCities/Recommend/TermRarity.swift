import Foundation
import XapianKit

/// Inverse document frequencies of concept and theme terms, read from the
/// index once per request: a concept every city has weighs little, a rare
/// shared one (kominkan, literacy in ethnic-minority languages) weighs much.
final class TermRarity {
    private let database: Database
    private let documentCount: Double
    private var cache: [String: Double] = [:]

    init(database: Database, documentCount: Int) {
        self.database = database
        self.documentCount = Double(max(documentCount, 1))
    }

    /// `log(N / df)` of `term` (0 when no document has it).
    func idf(_ term: String) throws -> Double {
        if let known = cache[term] { return known }
        let frequency = Double(try database.termFrequency(term))
        let value = frequency > 0 ? max(log(documentCount / frequency), 0.01) : 0
        cache[term] = value
        return value
    }

    /// `weights` multiplied by the idf of each key's term (`prefix + key`).
    func weighted(_ weights: [String: Double], prefix: String) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for (key, weight) in weights {
            let idf = try idf(prefix + key)
            if idf > 0 { result[key] = weight * idf }
        }
        return result
    }
}
