import Foundation
import XapianKit

/// "Did you mean" for a query: words the index does not know are replaced by
/// Xapian's spelling suggestion, and words typed without accents are shown
/// with their most likely accents, chosen from the index's own vocabulary
/// (`hoc tap suot doi` → `học tập suốt đời`): each word's candidates are the
/// most frequent exact forms with its search key, and neighbours are chosen
/// together, preferring forms that occur in the same documents (`hạnh phúc`,
/// not `hành phúc`; `dòng họ`, not `đồng hồ`). Forms found side by side
/// (in documents holding the two words' key bigram) beat forms that are only
/// more frequent: `ngheu so` is `nghêu sò`, not `nghêu số`.
public struct QuerySuggester {
    /// The database whose vocabulary is used (the engine's own: not public).
    let database: Database
    /// Candidate forms considered per word.
    public var candidatesPerWord = 3
    /// Weight of evidence that two forms stand side by side, well above any
    /// difference of log frequencies (log of a million is about 14).
    public var adjacencyWeight = 30.0
    /// Key bigrams in at most this many documents are read for the forms
    /// their words take there (frequent pairs have frequent forms already).
    public var rareBigramDocuments = 20

    /// A suggester over `database`.
    init(database: Database) {
        self.database = database
    }

    /// Words of `words` corrected by spelling where the index lacks them; nil when nothing changes.
    public func corrected(_ words: [Token]) throws -> [Token]? {
        var changed = false
        let result = try words.map { word -> Token in
            guard word.key.utf8.count >= 3,
                  try database.termFrequency(TermSchema.folded + word.key) == 0,
                  let suggestion = try database.spellingSuggestion(for: word.key), suggestion != word.key,
                  let token = Tokenizer().tokens(of: suggestion).first else { return word }
            changed = true
            // The dictionary holds search keys (`festiv`); a non-Vietnamese key is
            // shown as its most frequent written form (`festival`). Vietnamese
            // keys get their accents from `accented`, with their neighbours.
            var exact = token.exact
            if !VietnameseSyllable.matches(token.folded), let form = try mostFrequentForm(ofKey: suggestion) { exact = form }
            return Token(exact: exact, folded: token.folded, key: suggestion, capitalized: false, startsClause: false)
        }
        return changed ? result : nil
    }

    /// The words written with their most likely exact forms.
    public func accented(_ words: [Token]) throws -> String {
        try restore(words).text
    }

    /// The words with their most likely exact forms, and whether the
    /// reading is confident. `fixed` gives the form of some words outright
    /// (a name the query spells, `sai gon` → `sài gòn`; a wildcard).
    public func restore(_ words: [Token], fixed: [Int: String] = [:]) throws -> AccentRestoration {
        var options = try words.map(candidates)
        try addFormsSideBySide(words, to: &options)
        for (index, form) in fixed where index < options.count {
            options[index] = [(form, try database.termFrequency(form))]
        }
        guard !options.isEmpty else { return AccentRestoration(words: [], confident: false) }
        // Best path through the candidates (Viterbi): a form's own frequency
        // plus, for each neighbour pair, how the pair is written where the two
        // words stand side by side (read from the stored text of documents
        // with their key bigram); without such documents, how often the two
        // forms share a document.
        var scores = options[0].map { log(Double($0.frequency) + 1) }
        var back: [[Int]] = []
        for index in 1..<max(options.count, 1) where index < options.count {
            var next: [Double] = []
            var links: [Int] = []
            let ambiguous = options[index].count > 1 || options[index - 1].count > 1
            let pairs = ambiguous ? writtenPairs(words[index - 1].key, words[index].key) : [:]
            let bigram = TermSchema.foldedBigram + words[index - 1].key + TermSchema.bigramSeparator + words[index].key
            let bigramIndexed = try pairs.isEmpty && database.termFrequency(bigram) > 0
            for form in options[index] {
                var best = (score: -Double.infinity, from: 0)
                let formBesideBigram = bigramIndexed ? try database.cooccurrence(bigram, form.word, limit: 100) : 0
                for (from, previous) in options[index - 1].enumerated() {
                    var score: Double
                    if !pairs.isEmpty {
                        score = scores[from] + bigramEvidenceWeight * log(Double(pairs[previous.word + " " + form.word] ?? 0) + 1)
                    } else {
                        let together = try database.cooccurrence(previous.word, form.word, limit: 100)
                        score = scores[from] + 2 * log(Double(together) + 1)
                        if formBesideBigram > 0, together > 0 {
                            let previousBesideBigram = try database.cooccurrence(bigram, previous.word, limit: 100)
                            score += adjacencyWeight * log(Double(min(formBesideBigram, previousBesideBigram, together)) + 1)
                        }
                    }
                    if score > best.score { best = (score, from) }
                }
                next.append(best.score + log(Double(form.frequency) + 1))
                links.append(best.from)
            }
            scores = next
            back.append(links)
        }
        var choice = scores.indices.max { scores[$0] < scores[$1] } ?? 0
        var chosen = [options[options.count - 1][choice].word]
        for index in stride(from: options.count - 1, to: 0, by: -1) {
            choice = back[index - 1][choice]
            chosen.append(options[index - 1][choice].word)
        }
        chosen.reverse()
        var postings = PostingCache(database: database)
        return AccentRestoration(words: chosen, confident: confident(chosen, options: options, postings: &postings))
    }

    /// Adds to each restorable word the forms it takes beside its neighbour in
    /// the few documents holding their key bigram: a rare pair (`nghêu sò`)
    /// is found even when its forms are not among the most frequent ones.
    private func addFormsSideBySide(_ words: [Token], to options: inout [[(word: String, frequency: Int)]]) throws {
        guard words.count > 1 else { return }
        for index in 1..<words.count {
            let pair = [index - 1, index].filter { restorable(words[$0]) }
            guard !pair.isEmpty else { continue }
            let bigram = TermSchema.foldedBigram + words[index - 1].key + TermSchema.bigramSeparator + words[index].key
            let frequency = try database.termFrequency(bigram)
            guard frequency > 0, frequency <= rareBigramDocuments else { continue }
            for docid in try database.documentIDs(for: bigram).prefix(rareBigramDocuments) {
                for entry in try database.terms(of: docid) {
                    guard let first = entry.term.utf8.first, !(first >= 0x41 && first <= 0x5A),
                          let key = Tokenizer().tokens(of: entry.term).first?.key else { continue }
                    for position in pair where words[position].key == key
                        && !options[position].contains(where: { $0.word == entry.term }) {
                        options[position].append((entry.term, try database.termFrequency(entry.term)))
                    }
                }
            }
        }
    }

    /// True for words typed without accents that can be Vietnamese syllables:
    /// the words whose accents are restored.
    private func restorable(_ word: Token) -> Bool {
        word.exact == word.folded && VietnameseSyllable.matches(word.folded)
    }

    /// The exact words indexed under a search key, most frequent first.
    private func rankedForms(ofKey key: String) throws -> [(word: String, frequency: Int)] {
        let forms = try database.synonyms(of: TermSchema.restoration + key)
        return try forms.map { ($0, try database.termFrequency($0)) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
    }

    /// The most frequent exact word indexed under a search key.
    private func mostFrequentForm(ofKey key: String) throws -> String? {
        try rankedForms(ofKey: key).first?.word
    }

    /// Exact forms of a word with their frequencies, most frequent first (the
    /// word itself when typed with accents, not Vietnamese, or unknown).
    private func candidates(_ word: Token) throws -> [(word: String, frequency: Int)] {
        let mine = (word.exact, try database.termFrequency(word.exact))
        // Only words typed without accents that can be Vietnamese syllables get
        // accents back; an English word keeps its own form (`city` stays `city`,
        // though it shares the key `citi` with `cities`).
        guard restorable(word) else { return [mine] }
        let ranked = try rankedForms(ofKey: word.key).prefix(candidatesPerWord)
        return ranked.isEmpty ? [mine] : Array(ranked)
    }

    /// Weight of side-by-side occurrences against a form's own frequency.
    var bigramEvidenceWeight = 6.0
    /// Documents read to see how a pair of keys is written side by side.
    var pairSampleSize = 12

    /// How the words with keys `first` and `second` are written where they
    /// stand side by side: exact pair (`"thư viện"`) → occurrences, read from
    /// the stored text of a few documents indexed with their folded bigram
    /// (the index keeps exact words without positions).
    func writtenPairs(_ first: String, _ second: String) -> [String: Int] {
        let bigram = TermSchema.foldedBigram + first + TermSchema.bigramSeparator + second
        guard let ids = try? database.documentIDs(for: bigram), !ids.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        for id in ids.prefix(pairSampleSize) {
            guard let data = try? database.data(of: id),
                  let stored = try? StoredDocument(stored: data) else { continue }
            for text in [stored.title, stored.body] {
                let tokens = Tokenizer().tokens(of: text)
                for (a, b) in zip(tokens, tokens.dropFirst()) where a.key == first && b.key == second && !b.startsClause {
                    counts[a.exact + " " + b.exact, default: 0] += 1
                }
            }
        }
        return counts
    }

    /// A reading is confident when its restored words occur together in some
    /// document (several words), or when one word's form makes up most uses
    /// of its key (one word).
    private func confident(_ chosen: [String], options: [[(word: String, frequency: Int)]],
                           postings: inout PostingCache) -> Bool {
        let ambiguous = options.indices.filter { options[$0].count > 1 }
        guard !ambiguous.isEmpty else { return true }
        if chosen.count == 1 {
            let total = options[0].reduce(0) { $0 + $1.frequency }
            let mine = options[0].first { $0.word == chosen[0] }?.frequency ?? 0
            return total > 0 && Double(mine) >= 0.67 * Double(total)
        }
        var together: Set<UInt32>?
        for word in Set(chosen) {
            let ids = postings.ids(word)
            if ids.isEmpty { continue }  // not an indexed word (a wildcard's stem, an unknown word)
            together = together.map { $0.intersection(ids) } ?? ids
            if together?.isEmpty == true { return false }
        }
        return !(together ?? []).isEmpty
    }
}
