/// Finds known multi-word names in a token sequence, longest first, on word
/// boundaries and accent-insensitively — with one guard: a word written
/// *with* accents must carry the same accents as the name (`Vĩnh` is not
/// `Vinh`), while a word typed without accents matches any accented form.
public struct PhraseMatcher: Sendable {
    /// One occurrence of a name in a token sequence.
    public struct Match: Sendable, Equatable {
        /// The id the name was registered under.
        public var id: String
        /// Index of the first token.
        public var start: Int
        /// Number of tokens.
        public var length: Int
    }

    struct Entry: Sendable {
        let id: String
        let exact: [String]
        let folded: [String]
    }

    /// Entries by their first folded word, longest first.
    private var entries: [String: [Entry]] = [:]
    /// When true, a one-word name must be capitalised in the text
    /// (`vinh dự` is not the city Vinh). Off for queries, which people type in lower case.
    public var requireCapitalizedSingleWords: Bool

    /// An empty matcher.
    public init(requireCapitalizedSingleWords: Bool = true) {
        self.requireCapitalizedSingleWords = requireCapitalizedSingleWords
    }

    /// Registers `name` under `id`.
    public mutating func add(_ name: String, id: String) {
        add(tokens: Tokenizer().tokens(of: name), id: id)
    }

    /// Registers a name already split into `tokens` under `id`.
    public mutating func add(tokens: [Token], id: String) {
        guard let first = tokens.first else { return }
        let entry = Entry(id: id, exact: tokens.map(\.exact), folded: tokens.map(\.folded))
        var list = entries[first.folded, default: []]
        guard !list.contains(where: { $0.id == id && $0.exact == entry.exact }) else { return }
        list.append(entry)
        list.sort { $0.folded.count > $1.folded.count }
        entries[first.folded] = list
    }

    /// True when no name is registered.
    public var isEmpty: Bool { entries.isEmpty }

    /// Non-overlapping matches in `tokens`, left to right.
    public func matches(in tokens: [Token]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < tokens.count {
            var advanced = 1
            if let candidates = entries[tokens[index].folded] {
                for entry in candidates where matches(entry, tokens, at: index) {
                    found.append(Match(id: entry.id, start: index, length: entry.folded.count))
                    advanced = entry.folded.count
                    break
                }
            }
            index += advanced
        }
        return found
    }

    private func matches(_ entry: Entry, _ tokens: [Token], at start: Int) -> Bool {
        guard start + entry.folded.count <= tokens.count else { return false }
        if requireCapitalizedSingleWords, entry.folded.count == 1, !tokens[start].capitalized { return false }
        for offset in 0..<entry.folded.count {
            let token = tokens[start + offset]
            guard token.folded == entry.folded[offset] else { return false }
            if token.exact != token.folded, token.exact != entry.exact[offset] { return false }
        }
        return true
    }
}
