import Foundation
import LearningCities
import XapianKit

/// Diagnostic variants of learncity's "more like this" on learncity's own
/// index: the same relevance feedback as `SimilarDocuments` (ESet of the
/// document, 40 terms, terms in more than a fifth of the documents skipped,
/// numbers and stopwords skipped, weighted OR, the document excluded), but
/// drawing the terms from other term families than the exact words it uses.
/// Measurement only: it tells which term family keeps "more like this" on topic.
enum SimilarityVariant: String, CaseIterable, Codable {
    /// Folded search keys (`XF`: accents folded, English stemmed).
    case foldedKeys = "ESet over XF keys"
    /// Folded keys and key bigrams (`XF` + `XBF`).
    case foldedKeysAndBigrams = "ESet over XF keys + XBF bigrams"

    /// Whether `term` belongs to this variant's family.
    func accepts(_ term: String) -> Bool {
        switch self {
        case .foldedKeys: return term.hasPrefix(TermSchema.folded)
        case .foldedKeysAndBigrams:
            return term.hasPrefix(TermSchema.folded) || term.hasPrefix(TermSchema.foldedBigram)
        }
    }

    /// Exact single-word stopwords and folded stopword keys, never chosen.
    static let stopTerms: [String] = {
        let exact = Stopwords.vietnamese.union(Stopwords.english).filter { !$0.contains(" ") }
        return (exact.sorted() + Stopwords.singleWordKeys.map { TermSchema.folded + $0 }.sorted())
    }()

    /// Up to `limit` ids most like document `id` in learncity's index
    /// `database` (opened with plain XapianKit), best first.
    func similar(to id: String, in database: Database, limit: Int, terms: Int = 40) throws -> [String] {
        guard let docid = try database.documentID(for: TermSchema.id + id) else {
            throw BenchFailure(description: "no document '\(id)' in the index")
        }
        var expand = ExpandOptions(relevantDocuments: [docid])
        expand.maxTerms = 5000  // every term of the document; the family is chosen below
        expand.prefix = ""
        expand.stopTerms = Self.stopTerms
        expand.maxDocumentShare = 0.2
        let chosen = try database.expand(expand).filter { accepts($0.term) }.prefix(terms)
        guard !chosen.isEmpty else { return [] }
        var options = SearchOptions()
        options.weightedTerms = chosen.map { ($0.term, $0.weight) }
        options.excludedTerms = [TermSchema.id + id]
        options.limit = limit
        return try database.search(options).hits.compactMap {
            (try? StoredDocument(stored: $0.data))?.id
        }
    }
}
