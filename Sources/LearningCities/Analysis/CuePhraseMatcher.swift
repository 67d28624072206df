/// Counts occurrences of vocabulary phrases (theme cues, concept forms) in a
/// token sequence: a phrase occurs as a run of words, case- and
/// accent-insensitively and with English words compared by stem
/// (`learning festivals` matches `learning festival`). As in
/// `CityGazetteer`, accents typed in the text must agree with the phrase's
/// (`bỏ học` is not `bộ học`); accents missing are fine (`bo hoc`). A phrase
/// does not run across a sentence or clause break.
public struct CuePhraseMatcher: Sendable {
    struct Cue: Sendable {
        let id: String
        let exact: [String]
        let keys: [String]
        /// Whether each word of the phrase is written with accents.
        let accented: [Bool]
    }

    /// Phrases by their first key, longest first.
    private let cues: [String: [Cue]]
    /// A number for every key of every phrase, so that matching compares integers.
    private let keyNumbers: [String: Int]
    /// The phrases by the number of their first key, longest first, their keys as numbers.
    private let numbered: [[(cue: Cue, keys: [Int])]]

    /// Numbers the keys of `cues` (see `keyNumbers`).
    private static func numbering(_ cues: [String: [Cue]]) -> (keys: [String: Int], numbered: [[(cue: Cue, keys: [Int])]]) {
        var numbers: [String: Int] = [:]
        for list in cues.values { for cue in list { for key in cue.keys where numbers[key] == nil { numbers[key] = numbers.count } } }
        var numbered = [[(cue: Cue, keys: [Int])]](repeating: [], count: numbers.count)
        for (first, list) in cues {
            guard let number = numbers[first] else { continue }
            numbered[number] = list.map { ($0, $0.keys.map { numbers[$0]! }) }
        }
        return (numbers, numbered)
    }

    /// A matcher for `phrases`, each list registered under its id.
    public init(phrases: [(id: String, phrases: [String])]) {
        var cues: [String: [Cue]] = [:]
        let tokenizer = Tokenizer()
        for entry in phrases {
            for phrase in Set(entry.phrases) {
                let tokens = tokenizer.tokens(of: phrase)
                guard let first = tokens.first else { continue }
                cues[first.key, default: []].append(
                    Cue(id: entry.id, exact: tokens.map(\.exact), keys: tokens.map(\.key),
                        accented: tokens.map { $0.exact != $0.folded }))
            }
        }
        for key in cues.keys {
            cues[key]?.sort { $0.keys.count != $1.keys.count ? $0.keys.count > $1.keys.count : $0.id < $1.id }
        }
        self.cues = cues
        (keyNumbers, numbered) = Self.numbering(cues)
    }

    /// A matcher for the phrases of `table` whose first word's key is one of
    /// `firstKeys`: for a query, the only phrases that can match it, read
    /// without tokenizing the whole vocabulary again.
    public init(table: Table, firstKeys: Set<String>) {
        self.init(phrasesByFirstKey: Dictionary(uniqueKeysWithValues: firstKeys.map { ($0, table.phrases(startingWith: $0)) }))
    }

    /// A matcher for phrases already read from a `Table`, by first key.
    init(phrasesByFirstKey: [String: [Cue]]) {
        var cues = phrasesByFirstKey.filter { !$0.value.isEmpty }
        for key in cues.keys {
            cues[key]?.sort { $0.keys.count != $1.keys.count ? $0.keys.count > $1.keys.count : $0.id < $1.id }
        }
        self.cues = cues
        (keyNumbers, numbered) = Self.numbering(cues)
    }

    /// Every phrase, one line each (first key, id, keys, exact words,
    /// accent flags; tab-separated), lines in byte order, for `Table`.
    public var table: [UInt8] {
        var lines: [[UInt8]] = []
        for (first, list) in cues {
            for cue in list {
                lines.append(Array([first, cue.id, cue.keys.joined(separator: " "), cue.exact.joined(separator: " "),
                                    String(cue.accented.map { $0 ? "1" : "0" })].joined(separator: "\t").utf8))
            }
        }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        return Array(lines.joined(separator: [0x0A]))
    }

    /// The phrase lines of `table`, found by their first key with a binary
    /// search (one pass over the bytes finds where the lines start).
    public struct Table: Sendable {
        private let bytes: [UInt8]
        private let starts: [Int]

        /// The table stored as `bytes` (empty: no phrase).
        public init(bytes: [UInt8]) {
            self.bytes = bytes
            var starts: [Int] = bytes.isEmpty ? [] : [0]
            bytes.withUnsafeBufferPointer { buffer in
                for index in buffer.indices where buffer[index] == 0x0A { starts.append(index + 1) }
            }
            self.starts = starts
        }

        /// True when the table holds no phrase.
        public var isEmpty: Bool { starts.isEmpty }

        /// The phrases whose first key is `key`.
        func phrases(startingWith key: String) -> [Cue] {
            var cues: [Cue] = []
            for line in lines(startingWith: key) {
                let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard fields.count == 5 else { continue }
                let words = { (field: ArraySlice<UInt8>) in field.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) } }
                let keys = words(fields[2])
                let exact = words(fields[3])
                let accented = fields[4].map { $0 == UInt8(ascii: "1") }
                guard keys.first == key, exact.count == keys.count, accented.count == keys.count else { continue }
                cues.append(Cue(id: String(decoding: fields[1], as: UTF8.self), exact: exact, keys: keys, accented: accented))
            }
            return cues
        }

        /// The lines whose first field is `key`.
        func lines(startingWith key: String) -> [ArraySlice<UInt8>] {
            let key = Array(key.utf8) + [0x09]
            // The first line not before `key` + tab (a tab sorts before every byte of a key).
            var low = 0, high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if line(middle).lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
            }
            var found: [ArraySlice<UInt8>] = []
            while low < starts.count, line(low).starts(with: key) {
                found.append(line(low))
                low += 1
            }
            return found
        }

        private func line(_ index: Int) -> ArraySlice<UInt8> {
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
            return bytes[starts[index]..<end]
        }
    }

    /// True when no phrase is registered.
    public var isEmpty: Bool { cues.isEmpty }

    /// How many phrases of each id occur in `tokens`. At each word the
    /// longest matching phrase of each id counts once, and an id's match is
    /// not counted again inside itself (`learning festival` is one match of
    /// `festivals`, not two).
    public func counts(in tokens: [Token]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for match in matches(in: tokens) { counts[match.id, default: 0] += 1 }
        return counts
    }

    /// Every counted occurrence: the id, the first token and the number of tokens.
    public func matches(in tokens: [Token]) -> [(id: String, start: Int, length: Int)] {
        var found: [(id: String, start: Int, length: Int)] = []
        guard !numbered.isEmpty else { return found }
        let numbers = tokens.map { keyNumbers[$0.key] ?? -1 }
        var coveredUntil: [String: Int] = [:]
        for index in tokens.indices where numbers[index] >= 0 {
            let candidates = numbered[numbers[index]]
            var matchedHere: Set<String> = []
            for candidate in candidates where !matchedHere.contains(candidate.cue.id)
                && matches(candidate, tokens, numbers, at: index) {
                let cue = candidate.cue
                matchedHere.insert(cue.id)
                if index >= coveredUntil[cue.id, default: 0] {
                    found.append((cue.id, index, cue.keys.count))
                    coveredUntil[cue.id] = index + cue.keys.count
                }
            }
        }
        return found
    }

    private func matches(_ candidate: (cue: Cue, keys: [Int]), _ tokens: [Token], _ numbers: [Int], at start: Int) -> Bool {
        let keys = candidate.keys
        guard start + keys.count <= tokens.count else { return false }
        for offset in 0..<keys.count {
            guard numbers[start + offset] == keys[offset] else { return false }
            let token = tokens[start + offset]
            // Accents typed on both sides must agree; accents missing on either side are fine.
            if candidate.cue.accented[offset], token.exact != token.folded, token.exact != candidate.cue.exact[offset] {
                return false
            }
            if offset > 0, token.startsClause { return false }
        }
        return true
    }
}
