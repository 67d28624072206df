import XapianKit

/// The tables learncity derives from the index's own vocabulary, kept in
/// step with every write inside the write's transaction (`rebuild` after an
/// indexing run, `update` after `upsert` and `delete`):
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

    /// Brings the accent-restoration and spelling entries of `touched` (the
    /// exact words and search keys of the documents a write added, replaced
    /// or removed, old and new versions) in step with the vocabulary `reader`
    /// now sees. Cheaper than `rebuild` for a few documents, and the same for
    /// them: a key's restoration candidates are its current entries plus the
    /// touched words with that key.
    static func update(writer: WritableDatabase, reader: Database, touched: TouchedWords) throws {
        var candidates: [String: Set<String>] = [:]
        for word in touched.exactWords {
            guard let token = Tokenizer().tokens(of: word).first else { continue }
            candidates[token.key, default: []].insert(word)
        }
        for (key, words) in candidates {
            let tableKey = TermSchema.restoration + key
            let known = words.union(try reader.synonyms(of: tableKey))
            let counted = try known.map { (word: $0, frequency: try reader.termFrequency($0)) }.filter { $0.frequency > 0 }
            try writer.clearSynonyms(for: tableKey)
            if counted.isEmpty || (counted.count == 1 && counted[0].word == key) { continue }
            for word in counted.sorted(by: { $0.frequency > $1.frequency }).prefix(5) {
                try writer.addSynonym(word.word, for: tableKey)
            }
        }
        var wanted: [String: Int] = [:]
        for key in touched.searchKeys where isSpellingKey(key[...]) {
            wanted[key] = try reader.termFrequency(TermSchema.folded + key)
        }
        guard !wanted.isEmpty else { return }
        var current: [String: Int] = [:]
        for entry in try reader.spellings() where wanted[entry.term] != nil { current[entry.term] = entry.frequency }
        for (key, target) in wanted {
            let now = current[key] ?? 0
            if target > now {
                try writer.addSpelling(key, increment: target - now)
            } else if target < now {
                try writer.removeSpelling(key, decrement: now - target)
            }
        }
    }

    /// The words a write touches, gathered from documents before and after it.
    struct TouchedWords {
        /// Exact (unprefixed) words.
        var exactWords: Set<String> = []
        /// Search keys (without the `XF` prefix).
        var searchKeys: Set<String> = []

        /// Adds the words of document `docid` as `reader` sees it.
        mutating func add(document docid: UInt32, in reader: Database) throws {
            for entry in try reader.terms(of: docid) {
                guard let first = entry.term.utf8.first else { continue }
                if entry.term.hasPrefix(TermSchema.folded) {
                    searchKeys.insert(String(entry.term.dropFirst(TermSchema.folded.count)))
                } else if !(first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")) {
                    exactWords.insert(entry.term)
                }
            }
        }
    }

    /// True for search keys the spelling dictionary holds: three bytes or
    /// more, not only digits.
    private static func isSpellingKey(_ key: Substring) -> Bool {
        key.utf8.count >= 3 && !key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
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
            guard isSpellingKey(key) else { continue }
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
