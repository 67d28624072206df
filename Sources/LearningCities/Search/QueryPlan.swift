import XapianKit

/// What one analysed query asks of the index, decided before searching:
/// which words count (stopwords and question words weigh little), whether
/// it is short (every word first) or long (every word optional), which
/// exact forms are trusted (typed with accents, or restored with
/// confidence) and so rank first and alone are highlighted.
struct QueryPlan {
    /// The analysed query.
    var analyzed: AnalyzedQuery
    /// Search keys the parser drops (frequent stopwords).
    var stopwords: [String]
    /// Words that decide the match: not stopwords, question words or negated.
    var contentWords: Int
    /// True: documents with every word first, the page filled after them.
    var isShort: Bool
    /// The reading of a query typed without accents (nil when typed with them).
    var restoration: AccentRestoration?
    /// Exact forms OR'ed as a boost (typed, or restored with confidence).
    var boostText: String?
    /// Exact forms that rank their documents in a tier above the others.
    var tierText: String?
    /// Search keys highlighted only in their trusted exact forms (key → forms).
    var exactForms: [String: Set<String>]

    /// The plan for `analyzed` on `index` with `policy`.
    init(_ analyzed: AnalyzedQuery, index: IndexReader, policy: RankingPolicy) throws {
        self.analyzed = analyzed
        let words = analyzed.words
        let stopKeys = Set(words.map(\.key).filter(index.isQueryStopword))
        stopwords = Array(stopKeys)
        let conceptWords = Set(analyzed.conceptSpans.flatMap { Array($0.words) })
        let content = words.indices.filter {
            !analyzed.questionWordIndexes.contains($0) && !analyzed.negatedWordIndexes.contains($0)
                && !stopKeys.contains(words[$0].key) && !words[$0].key.isEmpty
        }
        // A name of several words (`Sơn La`, `Hồ Chí Minh City`) counts as one.
        let spanTails = Set(analyzed.conceptSpans.flatMap { Array($0.words.dropFirst()) })
        contentWords = content.filter { !spanTails.contains($0) }.count
        isShort = contentWords <= policy.shortQueryWords || analyzed.hasOperators
        boostText = analyzed.boostText
        exactForms = [:]

        // Words that can carry trusted exact forms: plain content words, not
        // wildcards and not part of a name (a name matches in any spelling).
        let trustable = content.filter {
            !analyzed.wildcardWordIndexes.contains($0) && !conceptWords.contains($0)
        }
        var trusted: [String] = []
        let plain = words.indices.filter { !words[$0].key.isEmpty }
        if !plain.isEmpty, plain.allSatisfy({ words[$0].exact == words[$0].folded }) {
            // Typed without accents: restore, and trust a confident reading.
            var fixed: [Int: String] = [:]
            for (position, index) in plain.enumerated() {
                if analyzed.wildcardWordIndexes.contains(index) { fixed[position] = words[index].exact }
            }
            for span in analyzed.conceptSpans {
                let tokens = Array(words[span.words])
                guard let written = index.synonyms.writtenForm(of: tokens, value: span.value) else { continue }
                for (offset, form) in written.enumerated() {
                    if let position = plain.firstIndex(of: span.words.lowerBound + offset) { fixed[position] = form }
                }
            }
            // An abbreviation group's words typed without accents (`hoc tap suot doi`) are
            // highlighted only as the group writes them (not `đối` for `doi`); a city's name
            // matches in any spelling, so its words stay free.
            for span in analyzed.conceptSpans where span.value.hasPrefix("abbr") {
                for wordIndex in span.words {
                    guard let position = plain.firstIndex(of: wordIndex), let form = fixed[position],
                          form != words[wordIndex].exact else { continue }
                    exactForms[words[wordIndex].key, default: []].insert(form)
                }
            }
            let reading = try RestorationMemo.of(index).restoration(of: plain.map { words[$0] }, fixed: fixed) {
                try QuerySuggester(database: index.database).restore(plain.map { words[$0] }, fixed: fixed)
            }
            restoration = reading
            var formOf: [Int: String] = [:]
            for (position, index) in plain.enumerated() { formOf[index] = reading.words[position] }
            let restored = trustable.contains { index in formOf[index].map { $0 != words[index].exact } ?? false }
            if restored {
                // The words shown as "Read as" are the ones highlighted: `doi` read as `đời`
                // does not mark `đối` (a confident reading is also ranked in a tier, below).
                for index in trustable {
                    guard let form = formOf[index], form != words[index].exact else { continue }
                    exactForms[words[index].key, default: []].insert(form)
                }
                // The reading boosts like accents typed (a wrong form only
                // loses its boost); a confident one is trusted outright.
                boostText = words.indices.filter {
                    !analyzed.negatedWordIndexes.contains($0) && !analyzed.questionWordIndexes.contains($0)
                        && !analyzed.wildcardWordIndexes.contains($0)
                }.compactMap { formOf[$0] }.joined(separator: " ")
            }
            if reading.confident {
                trusted = trustable.compactMap { index in
                    guard let form = formOf[index], form != words[index].exact else { return nil }
                    return form
                }
                if !trusted.isEmpty {
                    for index in trustable {
                        guard let form = formOf[index], form != words[index].exact else { continue }
                        exactForms[words[index].key, default: []].insert(form)
                    }
                }
            }
        } else {
            // Typed with accents: the Vietnamese words are meant as written.
            let meant = trustable.filter { VietnameseSyllable.matches(words[$0].folded) }
            trusted = meant.map { words[$0].exact }
            for index in meant { exactForms[words[index].key, default: []].insert(words[index].exact) }
        }
        if !trusted.isEmpty, contentWords <= policy.exactTierWords, !analyzed.hasOperators {
            tierText = trusted.joined(separator: " ")
        }
    }
}
