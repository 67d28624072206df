import Foundation

/// A user's query, rewritten for Xapian's QueryParser.
public struct AnalyzedQuery: Sendable, Equatable {
    /// The query with every free-text word replaced by its search key
    /// (folded, stemmed); operators, quotes, `field:value` filters and
    /// ranges kept. Parsed with the `XF` prefix.
    public var parserText: String
    /// The exact (accented) words, to boost exact-form matches; nil when the
    /// query was typed without accents.
    public var boostText: String?
    /// The free-text words of the query.
    public var words: [Token]
}

/// Rewrites query text so that it is analysed exactly like documents:
/// NFC, lower case, canonical tone placement, accents folded, English
/// stemmed. `Học tập "suốt đời" city:vn-son-la` becomes
/// `hoc tap "suot doi" city:vn-son-la` with boost `học tập "suốt đời"`.
public enum QueryAnalyzer {
    /// Upper-case words the QueryParser treats as operators.
    static let operators: Set<String> = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ"]

    /// Analyses `query`; `fields` are the names accepted before a colon.
    public static func analyze(_ query: String, fields: Set<String> = Set(TermSchema.fields.map(\.name))) -> AnalyzedQuery {
        let scalars = Array(query.precomposedStringWithCanonicalMapping.unicodeScalars)
        var parser = String.UnicodeScalarView()
        var boost: [String] = []
        var words: [Token] = []
        var index = 0
        var negateNext = false

        while index < scalars.count {
            let scalar = scalars[index]
            guard Tokenizer.isWordScalar(scalar) else {
                parser.append(scalar)
                if scalar == "\"" { boost.append("\"") }
                if scalar == "-", index + 1 < scalars.count, Tokenizer.isWordScalar(scalars[index + 1]),
                   index == 0 || scalars[index - 1].properties.isWhitespace {
                    negateNext = true
                }
                index += 1
                continue
            }
            // One word, with inner apostrophes.
            var end = index
            while end < scalars.count,
                  Tokenizer.isWordScalar(scalars[end])
                    || (Tokenizer.isApostrophe(scalars[end]) && end + 1 < scalars.count && Tokenizer.isWordScalar(scalars[end + 1])) {
                end += 1
            }
            let raw = String(String.UnicodeScalarView(scalars[index..<end]))
            let lowerRaw = raw.lowercased()

            if end < scalars.count, scalars[end] == ":", fields.contains(lowerRaw) {
                // field:value — the value runs to white space or a closing parenthesis.
                var valueEnd = end + 1
                while valueEnd < scalars.count, !scalars[valueEnd].properties.isWhitespace, scalars[valueEnd] != ")" {
                    valueEnd += 1
                }
                let value = String(String.UnicodeScalarView(scalars[(end + 1)..<valueEnd]))
                parser.append(contentsOf: "\(lowerRaw):\(normalizeFieldValue(value, field: lowerRaw))".unicodeScalars)
                index = valueEnd
                negateNext = false
                continue
            }
            if operators.contains(raw) {
                parser.append(contentsOf: raw.unicodeScalars)
                if raw == "NOT" { negateNext = true }
                index = end
                continue
            }
            var token: Token?
            Tokenizer().forEachWord(in: raw) { exact, folded, capitalized, _ in
                if token == nil {
                    token = Token(exact: exact, folded: folded, key: TermStemmer.key(forFolded: folded),
                                  capitalized: capitalized, startsClause: false)
                }
            }
            if let token {
                let wildcard = end < scalars.count && scalars[end] == "*"
                parser.append(contentsOf: (wildcard ? token.folded : token.key).unicodeScalars)
                if !negateNext { boost.append(token.exact) }
                words.append(token)
            }
            negateNext = false
            index = end
        }

        let hasAccents = words.contains { $0.exact != $0.folded }
        var boostText: String?
        if hasAccents {
            // Keep quotes only when balanced, so the boost parses as the user meant.
            let keepQuotes = boost.filter { $0 == "\"" }.count % 2 == 0
            var text = ""
            var inQuote = false
            for piece in boost {
                if piece == "\"" {
                    guard keepQuotes else { continue }
                    if !inQuote, !text.isEmpty { text += " " }
                    text += "\""
                    inQuote.toggle()
                } else {
                    if !text.isEmpty, !(inQuote && text.hasSuffix("\"")) { text += " " }
                    text += piece
                }
            }
            boostText = text
        }
        return AnalyzedQuery(parserText: String(parser), boostText: boostText, words: words)
    }

    /// Field values are stored lower case, countries upper case, ids folded.
    static func normalizeFieldValue(_ value: String, field: String) -> String {
        switch field {
        case "country": return value.uppercased()
        case "year": return value
        default: return AccentFolder.fold(value).lowercased()
        }
    }
}
