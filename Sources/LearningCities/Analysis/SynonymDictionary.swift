/// Names that stand for the same thing: each city (name, aliases, former
/// names) and each abbreviation group (`GD-ĐT`, `giáo dục và đào tạo`) is one
/// concept. Documents get a concept term (`XE…`) wherever any of its names
/// appears; Xapian's synonym table maps each name (`XAtphcm`, `XAsaigon`…) to
/// that term, and queries name it as `alias:tphcm`, so `TP.HCM`, `Sài Gòn` and
/// `Ho Chi Minh City` all find one another.
public struct SynonymDictionary: Sendable {
    /// One concept and every name for it.
    public struct Concept: Sendable, Equatable {
        /// The term documents carry where the concept is mentioned.
        public var term: String
        /// Its names.
        public var names: [String]
    }

    /// Every concept.
    public private(set) var concepts: [Concept] = []
    private var textMatcher = PhraseMatcher(requireCapitalizedSingleWords: true)
    private var queryMatcher = PhraseMatcher(requireCapitalizedSingleWords: false)
    private var termByID: [String: String] = [:]

    /// The concepts of `cities` and `abbreviations`.
    public init(cities: [City], abbreviations: AbbreviationList) {
        for city in cities {
            add(id: "city:" + city.id, term: TermSchema.concept + city.id, names: city.allNames)
        }
        for (index, group) in abbreviations.groups.enumerated() {
            add(id: "abbr:\(index)", term: TermSchema.concept + "abbr-\(index + 1)", names: group)
        }
    }

    private mutating func add(id: String, term: String, names: [String]) {
        concepts.append(Concept(term: term, names: names))
        termByID[id] = term
        for name in names {
            textMatcher.add(name, id: id)
            queryMatcher.add(name, id: id)
        }
    }

    /// Concept terms mentioned in document text, with the index of the first token of each mention.
    public func mentions(in tokens: [Token]) -> [(term: String, tokenIndex: Int)] {
        textMatcher.matches(in: tokens).compactMap { match in termByID[match.id].map { ($0, match.start) } }
    }

    /// Names mentioned in a query (typed in any case): spans of query tokens.
    public func spans(inQuery tokens: [Token]) -> [PhraseMatcher.Match] {
        queryMatcher.matches(in: tokens)
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
