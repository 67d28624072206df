import Foundation
import XapianKit

/// "More like this": the documents most similar to a given one, by Xapian's
/// relevance feedback — the ESet of the document's exact words (without
/// stopwords, numbers or words in more than a fifth of all documents)
/// becomes a weighted OR query. Exact words, not folded keys: one folded
/// syllable stands for several words (`ban` = bàn, bán, bạn, bản), which
/// blurs similarity (measured: 66% vs 75% same-topic neighbours on VNTC).
public struct SimilarDocuments {
    /// The index searched.
    public let index: IndexReader
    /// Expand terms used as the query.
    public var expandTerms = 40

    /// Similar documents in `index`.
    public init(index: IndexReader) {
        self.index = index
    }

    /// Up to `limit` document ids most like the document `id` (itself excluded), best first.
    public func similar(to id: String, limit: Int = 10) throws -> [(id: String, score: Double)] {
        try index.withRetry {
            let database = index.database
            guard let docid = try database.documentID(for: TermSchema.id + id) else {
                throw SearchError.invalidParameter(name: "id", reason: "no document '\(id)' in the index")
            }
            var expand = ExpandOptions(relevantDocuments: [docid])
            expand.maxTerms = expandTerms
            expand.unprefixedOnly = true
            expand.stopTerms = Self.stopTerms
            expand.maxDocumentShare = 0.2
            let terms = try database.expand(expand)
            guard !terms.isEmpty else { return [] }
            var options = SearchOptions()
            options.weightedTerms = terms.map { ($0.term, $0.weight) }
            options.excludedTerms = [TermSchema.id + id]
            options.limit = limit
            let matches = try database.search(options)
            return matches.hits.compactMap { hit in
                (try? StoredDocument(stored: hit.data)).map { ($0.id, hit.weight) }
            }
        }
    }

    /// Every listed single-word stopword, as exact terms.
    static let stopTerms: [String] = Stopwords.vietnamese.union(Stopwords.english)
        .filter { !$0.contains(" ") }.compactMap { Tokenizer().tokens(of: $0).first?.exact }.sorted()
}
