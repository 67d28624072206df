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
    }

    /// A matcher for the phrases of `table` (see `table`) whose first word's
    /// key is one of `firstKeys`: for a query, the only phrases that can
    /// match it, read without tokenizing the whole vocabulary again.
    public init(table: [UInt8], firstKeys: Set<String>) {
        var cues: [String: [Cue]] = [:]
        for line in table.split(separator: 0x0A) {
            guard let tab = line.firstIndex(of: 0x09),
                  case let first = String(decoding: line[..<tab], as: UTF8.self), firstKeys.contains(first) else { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count == 5 else { continue }
            let words = { (field: ArraySlice<UInt8>) in field.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) } }
            let keys = words(fields[2])
            let exact = words(fields[3])
            let accented = fields[4].map { $0 == UInt8(ascii: "1") }
            guard keys.first == first, exact.count == keys.count, accented.count == keys.count else { continue }
            cues[first, default: []].append(Cue(id: String(decoding: fields[1], as: UTF8.self), exact: exact, keys: keys,
                                                accented: accented))
        }
        for key in cues.keys {
            cues[key]?.sort { $0.keys.count != $1.keys.count ? $0.keys.count > $1.keys.count : $0.id < $1.id }
        }
        self.cues = cues
    }

    /// Every phrase, one line each (first key, id, keys, exact words,
    /// accent flags; tab-separated), for `init(table:firstKeys:)`.
    public var table: [UInt8] {
        var lines: [String] = []
        for (first, list) in cues {
            for cue in list {
                lines.append([first, cue.id, cue.keys.joined(separator: " "), cue.exact.joined(separator: " "),
                              String(cue.accented.map { $0 ? "1" : "0" })].joined(separator: "\t"))
            }
        }
        return Array(lines.sorted().joined(separator: "\n").utf8)
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
        var coveredUntil: [String: Int] = [:]
        for index in tokens.indices {
            guard let candidates = cues[tokens[index].key] else { continue }
            var matchedHere: Set<String> = []
            for cue in candidates where !matchedHere.contains(cue.id) && matches(cue, tokens, at: index) {
                matchedHere.insert(cue.id)
                if index >= coveredUntil[cue.id, default: 0] {
                    found.append((cue.id, index, cue.keys.count))
                    coveredUntil[cue.id] = index + cue.keys.count
                }
            }
        }
        return found
    }

    private func matches(_ cue: Cue, _ tokens: [Token], at start: Int) -> Bool {
        guard start + cue.keys.count <= tokens.count else { return false }
        for offset in 0..<cue.keys.count {
            let token = tokens[start + offset]
            guard token.key == cue.keys[offset] else { return false }
            // Accents typed on both sides must agree; accents missing on either side are fine.
            if cue.accented[offset], token.exact != token.folded, token.exact != cue.exact[offset] {
                return false
            }
            if offset > 0, token.startsClause { return false }
        }
        return true
    }
}
