import Foundation
import XapianKit

/// Turns the distinctive `XF` keys two sets of documents share into words
/// people can read: the spelling the documents use (`học`, not `hoc`), a
/// Vietnamese syllable always with the word it belongs to (`xây dựng`, not
/// `xây`; from the key bigrams `XBF` both sides contain), never a number or
/// an ordinal, and never a word already said by a shared concept.
/// A word that cannot be made whole is not shown.
struct SharedWords {
    /// English ordinals and other words that say nothing about a programme.
    static let uninformative: Set<String> = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "twentieth", "hundred", "thousand", "million", "annual", "annually",
    ]

    /// What the documents of one side contain.
    struct Side {
        var keys: Set<String> = []
        var bigrams: [String: Int] = [:]
        var surfaces: [String: [String: Int]] = [:]
        var vietnameseKeys: Set<String> = []
        /// Key bigram → how its two words are written in the text (`huong_dan` → `hướng dẫn`).
        var bigramForms: [String: [String: Int]] = [:]

        /// Records the written forms of the adjacent word pairs of `tokens`.
        mutating func addForms(of tokens: [Token]) {
            for index in tokens.indices.dropFirst() where !tokens[index].startsClause {
                let key = tokens[index - 1].key + TermSchema.bigramSeparator + tokens[index].key
                bigramForms[key, default: [:]][tokens[index - 1].exact + " " + tokens[index].exact, default: 0] += 1
            }
        }
    }

    /// The words of `database`'s documents `docids` (with their languages).
    static func side(_ database: Database, documents: [(docid: UInt32, lang: String)]) throws -> Side {
        var side = Side()
        let tokenizer = Tokenizer()
        for document in documents {
            if document.lang == "vi",
               let stored = try database.storedDocument(document.docid) {
                side.addForms(of: tokenizer.tokens(of: stored.title))
                side.addForms(of: tokenizer.tokens(of: stored.body))
            }
            for term in try database.terms(of: document.docid) {
                if term.term.hasPrefix(TermSchema.foldedBigram) {
                    side.bigrams[String(term.term.dropFirst(TermSchema.foldedBigram.count)), default: 0] += term.frequency
                } else if term.term.hasPrefix(TermSchema.folded) {
                    let key = String(term.term.dropFirst(TermSchema.folded.count))
                    side.keys.insert(key)
                    if document.lang == "vi" { side.vietnameseKeys.insert(key) }
                } else if PartnerRecommender.isExactWord(term.term) {
                    let key = TermStemmer.key(forFolded: AccentFolder.fold(term.term))
                    side.surfaces[key, default: [:]][term.term, default: 0] += term.frequency
                }
            }
        }
        return side
    }

    /// The words of a free text in language `lang`.
    static func side(text: String, lang: String) -> Side {
        var side = Side()
        let tokens = Tokenizer().tokens(of: CanonicalComposition.nfc(text))
        for (index, token) in tokens.enumerated() {
            side.keys.insert(token.key)
            if lang == "vi" { side.vietnameseKeys.insert(token.key) }
            side.surfaces[token.key, default: [:]][token.exact, default: 0] += 1
            if index > 0, !token.startsClause {
                side.bigrams[tokens[index - 1].key + TermSchema.bigramSeparator + token.key, default: 0] += 1
            }
        }
        side.addForms(of: tokens)
        return side
    }

    /// Up to `limit` readable words for `terms` (`XF` terms, best first)
    /// found on both sides, leaving out the keys in `said`.
    static func words(for terms: [String], source: Side, partner: Side, said: Set<String>, limit: Int,
                      database: Database) throws -> [String] {
        var words: [String] = []
        var seen: Set<String> = []
        for term in terms {
            guard words.count < limit else { break }
            let key = String(term.dropFirst(TermSchema.folded.count))
            guard source.keys.contains(key), partner.keys.contains(key), !said.contains(key),
                  !key.allSatisfy({ $0.isNumber }), !uninformative.contains(key) else { continue }
            let word: String?
            if source.vietnameseKeys.contains(key) || partner.vietnameseKeys.contains(key),
               VietnameseSyllable.matches(key) {
                word = try phrase(around: key, source: source, partner: partner, said: said, database: database)
            } else {
                word = surface(key, source, partner)
            }
            guard let word, seen.insert(word).inserted else { continue }
            // One of two overlapping words: `gọi video` says what `video` does.
            if words.contains(where: { $0.contains(word) }) { continue }
            words.removeAll { word.contains($0) }
            words.append(word)
        }
        return words
    }

    /// The Vietnamese word `key` belongs to: of the key bigrams with it
    /// that both sides use, the strongest collocation in the whole index
    /// (in how many of the documents that have either syllable the two come
    /// together: `kế hoạch` is one word, `hoạch hành` of `kế hoạch hành
    /// động` is not, since `hành` is everywhere), its other syllable not a
    /// function word.
    static func phrase(around key: String, source: Side, partner: Side, said: Set<String>,
                       database: Database) throws -> String? {
        let separator = Character(TermSchema.bigramSeparator)
        var best: (parts: [String], score: Double)?
        for (bigram, count) in source.bigrams {
            guard let other = partner.bigrams[bigram] else { continue }
            let parts = bigram.split(separator: separator).map(String.init)
            guard parts.count == 2, parts[0] != parts[1], parts.contains(key),
                  !parts.contains(where: { said.contains($0) || functionSyllables.contains($0) }) else { continue }
            let together = Double(try database.termFrequency(TermSchema.foldedBigram + bigram))
            let commoner = Double(max(try database.termFrequency(TermSchema.folded + parts[0]),
                                      try database.termFrequency(TermSchema.folded + parts[1])))
            let strength = commoner > 0 ? together / commoner : 0
            guard strength >= minimumStrength else { continue }
            let score = strength * Double(count + other)
            if best == nil || score > best!.score || (score == best!.score && parts.joined() < best!.parts.joined()) {
                best = (parts, score)
            }
        }
        guard let parts = best?.parts else { return nil }
        // As the documents write it (`hướng dẫn`, not `hướng dân`: both fold to `dan`).
        let bigram = parts.joined(separator: TermSchema.bigramSeparator)
        var forms = source.bigramForms[bigram] ?? [:]
        for (form, count) in partner.bigramForms[bigram] ?? [:] { forms[form, default: 0] += count }
        if let written = forms.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key {
            return written
        }
        let words = parts.compactMap { surface($0, source, partner) }
        return words.count == parts.count ? words.joined(separator: " ") : nil
    }

    /// The least share of the commoner syllable's documents in which a
    /// bigram must occur to count as one word.
    static let minimumStrength = 0.1

    /// Vietnamese function syllables (folded) that never make a word with their neighbour.
    static let functionSyllables: Set<String> = [
        "va", "cac", "cua", "cho", "co", "la", "nhung", "duoc", "voi", "trong", "nay", "da", "se", "de", "mot",
        "khong", "tai", "tu", "den", "ve", "theo", "nhu", "thi", "ma", "nen", "vao", "ra", "len",
    ]

    /// The most frequent spelling of `key` on both sides together.
    static func surface(_ key: String, _ source: Side, _ partner: Side) -> String? {
        var counts = source.surfaces[key] ?? [:]
        for (form, count) in partner.surfaces[key] ?? [:] { counts[form, default: 0] += count }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
