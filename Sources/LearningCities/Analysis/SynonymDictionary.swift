/// Names that stand for the same thing: each city (name, aliases, former
/// names) and each abbreviation group (`GD-ĐT`, `giáo dục và đào tạo`) is one
/// concept. Documents get a concept term (`XEvnhochiminhcity`) wherever any
/// of its names appears, and a query naming the concept in any form also asks
/// for that term (`concept:vnhochiminhcity`), so `TP.HCM`, `Sài Gòn` and
/// `Ho Chi Minh City` all find one another. The same mapping is written to
/// Xapian's synonym table (`XAtphcm` → `XEvnhochiminhcity`) for Xapian's own
/// tools; learncity names the concept directly because `xapian-tcpsrv` serves
/// no synonym table, and remote shards must answer like local ones.
public struct SynonymDictionary: Sendable {
    /// One concept and every name for it.
    public struct Concept: Sendable, Equatable {
        /// The value of the query's `concept:` field (`vnhochiminhcity`).
        public var value: String
        /// The term documents carry where the concept is mentioned (`XE` + value).
        public var term: String { TermSchema.concept + value }
        /// Its names.
        public var names: [String]
    }

    /// Every concept.
    public private(set) var concepts: [Concept] = []
    private var textMatcher = PhraseMatcher(requireCapitalizedSingleWords: true)
    private var queryMatcher = PhraseMatcher(requireCapitalizedSingleWords: false)
    private var valueByID: [String: String] = [:]

    /// The concepts of `cities` and `abbreviations`.
    public init(cities: [City], abbreviations: AbbreviationList) {
        for city in cities {
            add(id: "city:" + city.id, value: city.id.filter { $0.isLetter || $0.isNumber }, names: city.allNames)
        }
        for (index, group) in abbreviations.groups.enumerated() {
            add(id: "abbr:\(index)", value: "abbr\(index + 1)", names: group)
        }
    }

    private mutating func add(id: String, value: String, names: [String]) {
        concepts.append(Concept(value: value, names: names))
        valueByID[id] = value
        for name in names {
            let tokens = Tokenizer().tokens(of: name)
            textMatcher.add(tokens: tokens, id: id)
            queryMatcher.add(tokens: tokens, id: id)
        }
    }

    /// Concept terms mentioned in document text, with the index of the first token of each mention.
    public func mentions(in tokens: [Token]) -> [(term: String, tokenIndex: Int)] {
        textMatcher.matches(in: tokens).compactMap { match in
            valueByID[match.id].map { (TermSchema.concept + $0, match.start) }
        }
    }

    /// Names mentioned in a query (typed in any case): spans of query tokens
    /// with the concept's `concept:` field value.
    public func spans(inQuery tokens: [Token]) -> [(match: PhraseMatcher.Match, value: String)] {
        queryMatcher.matches(in: tokens).compactMap { match in valueByID[match.id].map { (match, $0) } }
    }

    /// How the concept `value` writes the words `tokens` (a name typed in a
    /// query): the exact words of its name with the same folded words,
    /// preferring one written with accents (`sai gon` → `sài gòn`,
    /// `tthtcd` → `tthtcđ`); nil when no name has them.
    public func writtenForm(of tokens: [Token], value: String) -> [String]? {
        let folded = tokens.map(\.folded)
        var best: [String]?
        for concept in concepts where concept.value == value {
            for name in concept.names {
                let nameTokens = Tokenizer().tokens(of: name)
                guard nameTokens.map(\.folded) == folded else { continue }
                let exact = nameTokens.map(\.exact)
                if nameTokens.contains(where: { $0.exact != $0.folded }) { return exact }
                if best == nil { best = exact }
            }
        }
        return best
    }

    /// The entries of Xapian's synonym table: alias key → concept term.
    public func synonymEntries() -> [(key: String, term: String)] {
        var entries: [(String, String)] = []
        var seen: Set<String> = []
        for concept in concepts {
            for name in concept.names {
                let key = Self.aliasKey(Tokenizer().tokens(of: name))
                guard !key.isEmpty, seen.insert(key + "\u{0}" + concept.term).inserted else { continue }
                entries.append((TermSchema.alias + key, concept.term))
            }
        }
        return entries
    }

    /// The single-word key of a name: its folded words run together (`TP.HCM` → `tphcm`).
    public static func aliasKey(_ tokens: some Collection<Token>) -> String {
        tokens.map { $0.folded.filter { $0 != "'" } }.joined()
    }
}
