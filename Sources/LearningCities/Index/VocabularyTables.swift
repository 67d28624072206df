import XapianKit

/// The tables learncity derives from the index's own vocabulary after each
/// indexing run, inside the same transaction:
/// - accent restoration (`XV` + search key → the most frequent exact words
///   with that key, in Xapian's synonym table): `hoc` → `học`, `citi` → `cities`;
/// - Xapian's spelling dictionary, kept equal to the search keys and their
///   document frequencies, for "did you mean";
/// - the synonym table of city names, aliases and abbreviations.
enum VocabularyTables {
    /// Rewrites the tables from the vocabulary `reader` sees.
    static func rebuild(writer: WritableDatabase, reader: Database, synonyms: SynonymDictionary) throws {
        try rebuildRestoration(writer: writer, reader: reader)
        try syncSpelling(writer: writer, reader: reader)
        for entry in synonyms.synonymEntries() {
            try writer.clearSynonyms(for: entry.key)
        }
        for entry in synonyms.synonymEntries() {
            try writer.addSynonym(entry.term, for: entry.key)
        }
    }

    /// Exact words per search key, most frequent first (at most five).
    private static func rebuildRestoration(writer: WritableDatabase, reader: Database) throws {
        var variants: [String: [(word: String, frequency: Int)]] = [:]
        for entry in try reader.unprefixedTerms() {
            guard let token = Tokenizer().tokens(of: entry.term).first else { continue }
            variants[token.key, default: []].append((entry.term, entry.frequency))
        }
        for (key, words) in variants {
            if words.count == 1, words[0].word == key { continue }
            let best = words.sorted { $0.frequency > $1.frequency }.prefix(5)
            let tableKey = TermSchema.restoration + key
            try writer.clearSynonyms(for: tableKey)
            for word in best { try writer.addSynonym(word.word, for: tableKey) }
        }
    }

    /// Makes the spelling dictionary hold every search key of three or more
    /// letters with its document frequency.
    private static func syncSpelling(writer: WritableDatabase, reader: Database) throws {
        var wanted: [String: Int] = [:]
        for entry in try reader.allTerms(prefix: TermSchema.folded) {
            let key = entry.term.dropFirst(TermSchema.folded.count)
            guard key.utf8.count >= 3, !key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            wanted[String(key)] = entry.frequency
        }
        for entry in try reader.spellings() {
            let target = wanted.removeValue(forKey: entry.term) ?? 0
            if target > entry.frequency {
                try writer.addSpelling(entry.term, increment: target - entry.frequency)
            } else if target < entry.frequency {
                try writer.removeSpelling(entry.term, decrement: entry.frequency - target)
            }
        }
        for (word, frequency) in wanted { try writer.addSpelling(word, increment: frequency) }
    }
}
