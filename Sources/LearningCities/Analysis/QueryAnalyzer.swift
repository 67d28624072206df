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
    /// Search terms (`XF`) of question words (`bao nhiêu`, `how many`): left
    /// out of `parserText`, they only boost, with a small weight.
    public var questionTerms: [String] = []
    /// Indexes into `words` of the question words.
    public var questionWordIndexes: Set<Int> = []
    /// Indexes into `words` of negated words (`-x`, `NOT x`).
    public var negatedWordIndexes: Set<Int> = []
    /// Indexes into `words` of wildcard words (`hoc*`).
    public var wildcardWordIndexes: Set<Int> = []
    /// True when the query uses boolean operators (AND, OR, NOT…).
    public var hasOperators = false
    /// Names of concepts (cities, abbreviations) in the query: ranges of
    /// `words` with the concept's `concept:` value.
    public var conceptSpans: [(words: Range<Int>, value: String)] = []

    public static func == (lhs: AnalyzedQuery, rhs: AnalyzedQuery) -> Bool {
        lhs.parserText == rhs.parserText && lhs.boostText == rhs.boostText && lhs.words == rhs.words
            && lhs.bigramTerms == rhs.bigramTerms && lhs.questionTerms == rhs.questionTerms
            && lhs.questionWordIndexes == rhs.questionWordIndexes && lhs.negatedWordIndexes == rhs.negatedWordIndexes
            && lhs.hasOperators == rhs.hasOperators && lhs.wildcardWordIndexes == rhs.wildcardWordIndexes
            && lhs.conceptSpans.map { "\($0.words)\($0.value)" } == rhs.conceptSpans.map { "\($0.words)\($0.value)" }
    }
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

        let questions = questionPieces(pieces)
        for run in runs {
            let tokens: [Token] = run.compactMap { if case .word(let token, _, _, _) = pieces[$0] { return token } else { return nil } }
            for (offset, pair) in zip(tokens, tokens.dropFirst()).enumerated()
            where !questions.contains(run[offset]) && !questions.contains(run[offset + 1]) {
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
        var questionTerms: [String] = []
        var questionIndexes: Set<Int> = []
        var negatedIndexes: Set<Int> = []
        var wildcardIndexes: Set<Int> = []
        var conceptSpans: [(words: Range<Int>, value: String)] = []
        var spanStartWord = 0
        for (index, piece) in pieces.enumerated() {
            if spanStarts.contains(index) {
                parser += "("
                spanStartWord = words.count
            }
            switch piece {
            case .word(let token, let wildcard, let negated, _):
                if negated { negatedIndexes.insert(words.count) }
                if wildcard { wildcardIndexes.insert(words.count) }
                if questions.contains(index), !spanStarts.contains(index), spanEnds[index] == nil {
                    questionIndexes.insert(words.count)
                    questionTerms.append(TermSchema.folded + token.key)
                    words.append(token)
                } else {
                    words.append(token)
                    if !negated { boost.append(token.exact) }
                    parser += wildcard ? token.folded : token.key
                }
            case .verbatim(let text):
                parser += text
            }
            if let value = spanEnds[index] {
                parser += " OR \(conceptField):\(value))"
                conceptSpans.append((spanStartWord..<words.count, value))
            }
        }

        let hasAccents = words.contains { $0.exact != $0.folded }
        var analyzed = AnalyzedQuery(parserText: parser, boostText: hasAccents && !boost.isEmpty ? boost.joined(separator: " ") : nil,
                                     words: words, bigramTerms: bigramTerms)
        analyzed.questionTerms = questionTerms
        analyzed.questionWordIndexes = questionIndexes
        analyzed.negatedWordIndexes = negatedIndexes
        analyzed.conceptSpans = conceptSpans
        analyzed.wildcardWordIndexes = wildcardIndexes
        analyzed.hasOperators = pieces.contains { if case .verbatim(let text) = $0 { return operators.contains(text) } else { return false } }
        return analyzed
    }

    /// The pieces that are question words (`bao nhiêu`, `how many`): plain
    /// words outside quotes, not negated nor wildcards, in a query without
    /// operators, and never every word of the query.
    private static func questionPieces(_ pieces: [Piece]) -> Set<Int> {
        var eligible: [Int] = []
        var folded: [String] = []
        var clauseEnds: Set<Int> = []
        var allWords = 0
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .word(let token, let wildcard, let negated, let quoted):
                allWords += 1
                guard !wildcard, !negated, !quoted else { continue }
                eligible.append(index)
                folded.append(token.folded)
            case .verbatim(let text):
                if operators.contains(text) { return [] }
                if text.contains(where: { "?.,;:!".contains($0) }), !folded.isEmpty { clauseEnds.insert(folded.count - 1) }
            }
        }
        if !folded.isEmpty { clauseEnds.insert(folded.count - 1) }
        let found = QuestionWords.positions(in: folded, clauseEnds: clauseEnds)
        guard found.count < allWords else { return [] }
        return Set(found.map { eligible[$0] })
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
