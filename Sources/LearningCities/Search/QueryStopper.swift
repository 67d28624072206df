import XapianKit

/// Chooses the stopwords a query drops: the single-word Vietnamese and
/// English stopwords that are also frequent in this index (in at least
/// `minimumShare` of documents). Frequent function words (`của`, `và`, `the`)
/// go; listed words that are rare here and carry meaning (`tuổi` in
/// `người cao tuổi`) stay. Queries are matched by folded key, so a key is
/// dropped only when the stopword itself makes up most of it: `là` dominates
/// the key `la`, but the stopword `xa` (far) does not dominate `xã` (commune).
/// Inside phrases nothing is dropped.
public enum QueryStopper {
    /// The share of documents above which a listed stopword is dropped from queries.
    public static let minimumShare = 0.05

    /// The search keys to drop from queries on `database`.
    public static func frequentStopwords(in database: Database) -> [String] {
        guard let count = try? database.documentCount(), count > 0 else { return [] }
        let threshold = max(2, Int(Double(count) * minimumShare))
        var keys: Set<String> = []
        for word in Stopwords.vietnamese.union(Stopwords.english) where !word.contains(" ") {
            guard let token = Tokenizer().tokens(of: word).first else { continue }
            let keyFrequency = (try? database.termFrequency(TermSchema.folded + token.key)) ?? 0
            guard keyFrequency >= threshold else { continue }
            let wordFrequency = (try? database.termFrequency(TermSchema.exact + token.exact)) ?? 0
            if Double(wordFrequency) >= 0.5 * Double(keyFrequency) { keys.insert(token.key) }
        }
        return keys.sorted()
    }
}
