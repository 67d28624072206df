import Foundation
import Synchronization
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

    /// Whether the search key `key` is a stopword to drop from queries on
    /// `database`. Only the words of a query are looked at, so a search
    /// costs a few look-ups, not one per listed stopword.
    static func isFrequentStopword(_ key: String, in database: Database) -> Bool {
        guard let forms = StopwordForms.shared.forms(ofKey: key), let count = try? database.documentCount(), count > 0 else {
            return false
        }
        let threshold = max(2, Int(Double(count) * minimumShare))
        let keyFrequency = (try? database.termFrequency(TermSchema.folded + key)) ?? 0
        guard keyFrequency >= threshold else { return false }
        return forms.contains { form in
            Double((try? database.termFrequency(TermSchema.exact + form)) ?? 0) >= 0.5 * Double(keyFrequency)
        }
    }
}

/// Search key → the exact forms of the single-word stopwords with that key,
/// tokenised on demand one initial letter at a time: a query tokenises the
/// few dozen stopwords that share its words' initials, not the whole list
/// (which cost a one-shot search about 15 % of its instructions).
final class StopwordForms: Sendable {
    /// The one table of the process.
    static let shared = StopwordForms()

    /// Initial folded letter → (search key → exact forms), for the initials seen so far.
    private let buckets = Mutex<[Unicode.Scalar: [String: [String]]]>([:])
    /// Stopwords by the folded form of their first letter.
    private let byInitial: [Unicode.Scalar: [String]] = {
        var words: [Unicode.Scalar: [String]] = [:]
        for word in Stopwords.vietnamese.union(Stopwords.english) where !word.contains(" ") {
            guard let first = word.unicodeScalars.first else { continue }
            words[StopwordForms.initial(first), default: []].append(word)
        }
        return words
    }()

    /// The folded, lower-case form of a word's first letter.
    static func initial(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        return AccentFolder.fold(lower)
    }

    /// The exact forms of the stopwords whose search key is `key`, or nil.
    func forms(ofKey key: String) -> [String]? {
        guard let first = key.unicodeScalars.first else { return nil }
        return buckets.withLock { buckets in
            if let bucket = buckets[first] { return bucket[key] }
            var bucket: [String: [String]] = [:]
            for word in byInitial[first] ?? [] {
                guard let token = Tokenizer().tokens(of: word).first else { continue }
                bucket[token.key, default: []].append(token.exact)
            }
            buckets[first] = bucket
            return bucket[key]
        }
    }
}
