import XapianKit

/// The tables learncity derives from the index's own vocabulary, kept in
/// step with every write inside the write's transaction (`rebuild` after an
/// indexing run, `update` after `upsert` and `delete`):
/// - accent restoration (`XV` + search key → the most frequent exact words
///   with that key, in Xapian's synonym table): `hoc` → `học`, `citi` → `cities`;
/// - Xapian's spelling dictionary, kept equal to the search keys and their
///   document frequencies, for "did you mean";
/// - the synonym table of city names, aliases and abbreviations.
///
/// `terms` is the database whose documents the tables describe, `tables`
/// the one that holds the tables (`writer`'s own view). They are the same
/// database for a single index; a sharded index keeps its tables in a
/// document-free database of their own (`SharedVocabulary`), computed over
/// every shard.
enum VocabularyTables {
    /// Rewrites the tables from the vocabulary `terms` holds: entries that
    /// changed are rewritten, entries no longer wanted removed.
    static func rebuild(writer: WritableDatabase, terms: Database, tables: Database,
                        synonyms: SynonymDictionary) throws {
        var wanted = try restorationEntries(terms: terms)
        for entry in synonyms.synonymEntries() { wanted[entry.key, default: []].insert(entry.term) }
        for key in try tables.synonymKeys() where wanted[key] == nil {
            try writer.clearSynonyms(for: key)
        }
        for (key, words) in wanted {
            guard Set(try tables.synonyms(of: key)) != words else { continue }
            try writer.clearSynonyms(for: key)
            for word in words { try writer.addSynonym(word, for: key) }
        }
        try syncSpelling(writer: writer, terms: terms, tables: tables)
    }

    /// Removes every synonym and spelling entry `tables` holds (a shard whose
    /// tables moved to the index's vocabulary database).
    static func clear(writer: WritableDatabase, tables: Database) throws {
        for key in try tables.synonymKeys() { try writer.clearSynonyms(for: key) }
        for entry in try tables.spellings() { try writer.removeSpelling(entry.term, decrement: entry.frequency) }
    }

    /// True when `tables` holds any synonym or spelling entry.
    static func holdsEntries(_ tables: Database) throws -> Bool {
        try !tables.synonymKeys().isEmpty || !tables.spellings().isEmpty
    }

    /// Brings the accent-restoration and spelling entries of `touched` (the
    /// exact words and search keys of the documents a write added, replaced
    /// or removed, old and new versions) in step with the vocabulary `terms`
    /// now holds. Cheaper than `rebuild` for a few documents, and the same for
    /// them: a key's restoration candidates are its current entries plus the
    /// touched words with that key.
    static func update(writer: WritableDatabase, terms: Database, tables: Database, touched: TouchedWords) throws {
        var candidates: [String: Set<String>] = [:]
        for word in touched.exactWords {
            guard let token = Tokenizer().tokens(of: word).first else { continue }
            candidates[token.key, default: []].insert(word)
        }
        for (key, words) in candidates {
            let tableKey = TermSchema.restoration + key
            let known = words.union(try tables.synonyms(of: tableKey))
            let counted = try known.map { (word: $0, frequency: try terms.termFrequency($0)) }.filter { $0.frequency > 0 }
            try writer.clearSynonyms(for: tableKey)
            if counted.isEmpty || (counted.count == 1 && counted[0].word == key) { continue }
            for word in mostFrequent(counted) {
                try writer.addSynonym(word, for: tableKey)
            }
        }
        var wanted: [String: Int] = [:]
        for key in touched.searchKeys where isSpellingKey(key[...]) {
            wanted[key] = try terms.termFrequency(TermSchema.folded + key)
        }
        guard !wanted.isEmpty else { return }
        var current: [String: Int] = [:]
        for entry in try tables.spellings() where wanted[entry.term] != nil { current[entry.term] = entry.frequency }
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

    /// The accent-restoration entries of `terms`: per search key (with the
    /// `XV` prefix), its five most frequent exact words; none for a key
    /// whose only word is the key itself.
    private static func restorationEntries(terms: Database) throws -> [String: Set<String>] {
        var variants: [String: [(word: String, frequency: Int)]] = [:]
        for entry in try terms.unprefixedTerms() {
            guard let token = Tokenizer().tokens(of: entry.term).first else { continue }
            variants[token.key, default: []].append((entry.term, entry.frequency))
        }
        var entries: [String: Set<String>] = [:]
        for (key, words) in variants {
            if words.count == 1, words[0].word == key { continue }
            entries[TermSchema.restoration + key] = Set(mostFrequent(words))
        }
        return entries
    }

    /// The five most frequent words, ties broken by the word itself (so that
    /// every shard layout keeps the same five).
    private static func mostFrequent(_ words: [(word: String, frequency: Int)]) -> [String] {
        words.sorted { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.word < $1.word }.prefix(5).map(\.word)
    }

    /// Makes the spelling dictionary hold every search key of three or more
    /// letters with its document frequency.
    private static func syncSpelling(writer: WritableDatabase, terms: Database, tables: Database) throws {
        var wanted: [String: Int] = [:]
        for entry in try terms.allTerms(prefix: TermSchema.folded) {
            let key = entry.term.dropFirst(TermSchema.folded.count)
            guard isSpellingKey(key) else { continue }
            wanted[String(key)] = entry.frequency
        }
        for entry in try tables.spellings() {
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
