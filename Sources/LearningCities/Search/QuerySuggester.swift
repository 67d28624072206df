import XapianKit

/// "Did you mean" for a query: words the index does not know are replaced by
/// Xapian's spelling suggestion, and words typed without accents are shown
/// with their most likely accents, chosen from the index's own vocabulary
/// (`hoc tap suot doi` → `học tập suốt đời`): for each word the exact forms
/// with the same search key, and between neighbours the pair that occurs
/// most often as a bigram.
public struct QuerySuggester {
    /// The database whose vocabulary is used.
    public let database: Database

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
            return Token(exact: token.exact, folded: token.folded, key: suggestion, capitalized: false, startsClause: false)
        }
        return changed ? result : nil
    }

    /// The words written with their most likely exact forms.
    public func accented(_ words: [Token]) -> String {
        let candidates = words.map(variants)
        var chosen: [String] = []
        for (index, options) in candidates.enumerated() {
            guard index > 0, options.count > 1, let previous = chosen.last else {
                chosen.append(options.first ?? words[index].exact)
                continue
            }
            // Prefer the form that most often follows the previous word.
            let scored = options.map { option -> (String, Int) in
                let bigram = TermSchema.bigram + previous + TermSchema.bigramSeparator + option
                return (option, (try? database.termFrequency(bigram)) ?? 0)
            }
            let best = scored.max { $0.1 < $1.1 }
            chosen.append(best.map { $0.1 > 0 ? $0.0 : options[0] } ?? options[0])
        }
        return chosen.joined(separator: " ")
    }

    /// Exact forms of a word, most frequent first (the word itself when typed with accents).
    private func variants(_ word: Token) -> [String] {
        guard word.exact == word.folded else { return [word.exact] }
        let forms = (try? database.synonyms(of: TermSchema.restoration + word.key)) ?? []
        let ranked = forms.map { ($0, (try? database.termFrequency($0)) ?? 0) }.filter { $0.1 > 0 }
            .sorted { $0.1 > $1.1 }.map(\.0)
        return ranked.isEmpty ? [word.exact] : ranked
    }
}
