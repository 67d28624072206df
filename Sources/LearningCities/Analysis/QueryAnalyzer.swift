import Foundation

/// A user's query, rewritten for Xapian's QueryParser.
public struct AnalyzedQuery: Sendable, Equatable {
    /// The query with every free-text word replaced by its search key
    /// (folded, stemmed), names of cities and abbreviations widened to
    /// `(words OR concept:value)`, and operators, quotes, `field:value`
    /// filters and ranges kept. Parsed with the `XF` prefix.
    public var parserText: String
    /// The exact (accented) words, OR'ed to boost exact-form matches; nil
    /// when the query was typed without accents.
    public var boostText: String?
    /// The free-text words of the query.
    public var words: [Token]
    /// Bigram terms of adjacent words, to rank compounds (`học tập`) above
    /// the same syllables apart.
    public var bigramTerms: [String]
}

/// Rewrites query text so that it is analysed exactly like documents:
/// NFC, lower case, canonical tone placement, accents folded, English
/// stemmed. `Học tập "suốt đời" city:vn-son-la` becomes
/// `hoc tap "suot doi" city:vn-son-la` with boost `học tập suốt đời`,
/// and `TP.HCM` becomes `(tp.hcm OR concept:vnhochiminhcity)`.
public enum QueryAnalyzer {
    /// Upper-case words the QueryParser treats as operators.
    static let operators: Set<String> = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ"]

    /// The name of the query field that names a concept (a city or an abbreviation group).
    public static let conceptField = "concept"

    /// One lexical piece of a query.
    private enum Piece {
        case word(Token, wildcard: Bool, negated: Bool, quoted: Bool)
        case verbatim(String)  // operators, field:value, punctuation, spaces
    }

    /// Analyses `query`; `fields` are the filter names accepted before a colon;
    /// `synonyms`, when given, widens names of cities and abbreviations to their concept.
    public static func analyze(_ query: String, fields: Set<String> = Set(TermSchema.fields.map(\.name)),
                               synonyms: SynonymDictionary? = nil) -> AnalyzedQuery {
        let pieces = lex(query, fields: fields)
        var spanEnds: [Int: String] = [:]   // last piece of a name → the concept value
        var spanStarts: Set<Int> = []
        var bigramTerms: [String] = []

        // Runs of words joined only by spaces or in-word punctuation (TP.HCM, GD-ĐT).
        var runs: [[Int]] = []
        var current: [Int] = []
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .word(_, let wildcard, let negated, let quoted):
                if wildcard || negated || quoted {
                    if !current.isEmpty { runs.append(current) }
                    current = []
                } else {
                    current.append(index)
                }
            case .verbatim(let text):
                if !text.allSatisfy({ $0 == " " || $0 == "." || $0 == "-" || $0 == "&" || $0 == "/" }) {
                    if !current.isEmpty { runs.append(current) }
                    current = []
                }
            }
        }
        if !current.isEmpty { runs.append(current) }

        for run in runs {
            let tokens: [Token] = run.compactMap { if case .word(let token, _, _, _) = pieces[$0] { return token } else { return nil } }
            for pair in zip(tokens, tokens.dropFirst()) {
                bigramTerms.append(TermSchema.foldedBigram + pair.0.key + TermSchema.bigramSeparator + pair.1.key)
            }
            guard let synonyms else { continue }
            for (match, value) in synonyms.spans(inQuery: tokens) {
                spanStarts.insert(run[match.start])
                spanEnds[run[match.start + match.length - 1]] = value
            }
        }

        var parser = ""
        var boost: [String] = []
        var words: [Token] = []
        for (index, piece) in pieces.enumerated() {
            if spanStarts.contains(index) { parser += "(" }
            switch piece {
            case .word(let token, let wildcard, let negated, _):
                words.append(token)
                if !negated { boost.append(token.exact) }
                parser += wildcard ? token.folded : token.key
            case .verbatim(let text):
                parser += text
            }
            if let value = spanEnds[index] { parser += " OR \(conceptField):\(value))" }
        }

        let hasAccents = words.contains { $0.exact != $0.folded }
        return AnalyzedQuery(parserText: parser, boostText: hasAccents ? boost.joined(separator: " ") : nil, words: words,
                             bigramTerms: bigramTerms)
    }

    /// Splits the query into words (with their analysis) and verbatim pieces.
    private static func lex(_ query: String, fields: Set<String>) -> [Piece] {
        let scalars = Array(query.precomposedStringWithCanonicalMapping.unicodeScalars)
        var pieces: [Piece] = []
        var index = 0
        var negateNext = false
        var quoted = false
        while index < scalars.count {
            let scalar = scalars[index]
            guard Tokenizer.isWordScalar(scalar) else {
                if scalar == "\"" { quoted.toggle() }
                if scalar == "-", index + 1 < scalars.count, Tokenizer.isWordScalar(scalars[index + 1]),
                   index == 0 || scalars[index - 1].properties.isWhitespace {
                    negateNext = true
                }
                pieces.append(.verbatim(String(scalar)))
                index += 1
                continue
            }
            var end = index
            while end < scalars.count,
                  Tokenizer.isWordScalar(scalars[end])
                    || (Tokenizer.isApostrophe(scalars[end]) && end + 1 < scalars.count && Tokenizer.isWordScalar(scalars[end + 1])) {
                end += 1
            }
            let raw = String(String.UnicodeScalarView(scalars[index..<end]))
            let lowerRaw = raw.lowercased()
            if end < scalars.count, scalars[end] == ":", fields.contains(lowerRaw) {
                var valueEnd = end + 1
                while valueEnd < scalars.count, !scalars[valueEnd].properties.isWhitespace, scalars[valueEnd] != ")" {
                    valueEnd += 1
                }
                let value = String(String.UnicodeScalarView(scalars[(end + 1)..<valueEnd]))
                pieces.append(.verbatim("\(lowerRaw):\(normalizeFieldValue(value, field: lowerRaw))"))
                index = valueEnd
                negateNext = false
                continue
            }
            if operators.contains(raw) {
                pieces.append(.verbatim(raw))
                if raw == "NOT" { negateNext = true }
                index = end
                continue
            }
            if let token = Tokenizer().tokens(of: raw).first {
                let wildcard = end < scalars.count && scalars[end] == "*"
                pieces.append(.word(token, wildcard: wildcard, negated: negateNext, quoted: quoted))
            }
            negateNext = false
            index = end
        }
        return pieces
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
