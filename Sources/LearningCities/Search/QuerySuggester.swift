import Foundation
import XapianKit

/// "Did you mean" for a query: words the index does not know are replaced by
/// Xapian's spelling suggestion, and words typed without accents are shown
/// with their most likely accents, chosen from the index's own vocabulary
/// (`hoc tap suot doi` → `học tập suốt đời`): each word's candidates are the
/// most frequent exact forms with its search key, and neighbours are chosen
/// together, preferring forms that occur in the same documents (`hạnh phúc`,
/// not `hành phúc`; `dòng họ`, not `đồng hồ`).
public struct QuerySuggester {
    /// The database whose vocabulary is used.
    public let database: Database
    /// Candidate forms considered per word.
    public var candidatesPerWord = 3

    /// A suggester over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// Words of `words` corrected by spelling where the index lacks them; nil when nothing changes.
    public func corrected(_ words: [Token]) -> [Token]? {
        var changed = false
        let result = words.map { word -> Token in
            guard word.key.utf8.count >= 3,
                  ((try? database.termFrequency(TermSchema.folded + word.key)) ?? 0) == 0,
                  let suggestion = try? database.spellingSuggestion(for: word.key), suggestion != word.key,
                  let token = Tokenizer().tokens(of: suggestion).first else { return word }
            changed = true
            // The dictionary holds search keys (`festiv`); a non-Vietnamese key is
            // shown as its most frequent written form (`festival`). Vietnamese
            // keys get their accents from `accented`, with their neighbours.
            var exact = token.exact
            if !VietnameseSyllable.matches(token.folded), let form = mostFrequentForm(ofKey: suggestion) { exact = form }
            return Token(exact: exact, folded: token.folded, key: suggestion, capitalized: false, startsClause: false)
        }
        return changed ? result : nil
    }

    /// The words written with their most likely exact forms.
    public func accented(_ words: [Token]) -> String {
        let options = words.map(candidates)
        guard !options.isEmpty else { return "" }
        // Best path through the candidates (Viterbi): a form's own frequency
        // plus, for each neighbour pair, how often the two share a document.
        var scores = options[0].map { log(Double($0.frequency) + 1) }
        var back: [[Int]] = []
        for index in 1..<max(options.count, 1) where index < options.count {
            var next: [Double] = []
            var links: [Int] = []
            for form in options[index] {
                var best = (score: -Double.infinity, from: 0)
                for (from, previous) in options[index - 1].enumerated() {
                    let together = (try? database.cooccurrence(previous.word, form.word, limit: 100)) ?? 0
                    let score = scores[from] + 2 * log(Double(together) + 1)
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
        return chosen.reversed().joined(separator: " ")
    }

    /// The exact words indexed under a search key, most frequent first.
    private func rankedForms(ofKey key: String) -> [(word: String, frequency: Int)] {
        let forms = (try? database.synonyms(of: TermSchema.restoration + key)) ?? []
        return forms.map { ($0, (try? database.termFrequency($0)) ?? 0) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
    }

    /// The most frequent exact word indexed under a search key.
    private func mostFrequentForm(ofKey key: String) -> String? {
        rankedForms(ofKey: key).first?.word
    }

    /// Exact forms of a word with their frequencies, most frequent first (the
    /// word itself when typed with accents, not Vietnamese, or unknown).
    private func candidates(_ word: Token) -> [(word: String, frequency: Int)] {
        let mine = (word.exact, (try? database.termFrequency(word.exact)) ?? 0)
        // Only words typed without accents that can be Vietnamese syllables get
        // accents back; an English word keeps its own form (`city` stays `city`,
        // though it shares the key `citi` with `cities`).
        guard word.exact == word.folded, VietnameseSyllable.matches(word.folded) else { return [mine] }
        let ranked = rankedForms(ofKey: word.key).prefix(candidatesPerWord)
        return ranked.isEmpty ? [mine] : Array(ranked)
    }
}
