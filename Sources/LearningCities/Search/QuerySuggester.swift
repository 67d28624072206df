import XapianKit

/// "Did you mean" for a query: words the index does not know are replaced by
/// Xapian's spelling suggestion, and words typed without accents are shown
/// with their most likely accents, chosen from the index's own vocabulary
/// (`hoc tap suot doi` → `học tập suốt đời`): for each word, the most
/// frequent exact form with the same search key.
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
        words.map(mostLikelyForm).joined(separator: " ")
    }

    /// The most frequent exact form of a word (the word itself when typed with accents or unknown).
    private func mostLikelyForm(_ word: Token) -> String {
        guard word.exact == word.folded else { return word.exact }
        let forms = (try? database.synonyms(of: TermSchema.restoration + word.key)) ?? []
        let best = forms.map { ($0, (try? database.termFrequency($0)) ?? 0) }.max { $0.1 < $1.1 }
        return best.flatMap { $0.1 > 0 ? $0.0 : nil } ?? word.exact
    }
}
