import Foundation
import XapianKit

/// Recommends partner cities: cities whose lifelong-learning programmes
/// resemble those of a city of the index (or of a free-text description),
/// with reasons a city officer can read.
///
/// How, on Xapian (see docs/recommend.md):
/// 1. **Profiles.** A city is described by its own documents
///    (`ProfileBuilder`): their programme concepts (`XP` terms, the same for
///    `thư viện` and `public library`) and themes (`XH`). News naming
///    several cities is left out.
/// 2. **Candidates.** Three weighted OR queries over the documents not
///    linked to the source — concepts and themes weighted by idf, and the
///    source's most distinctive words from relevance feedback (`get_eset`) —
///    find the cities worth comparing (`CandidateFinder`).
/// 3. **Score.** Each candidate's own profile is compared with the source's:
///    `conceptWeight · cos(concepts) + themeWeight · cos(themes) +
///    lexicalWeight · words`, each on 0…1 with idf weights (a concept every
///    city has weighs little), words relative to the source's own score.
///    The score is absolute: the best partner is not rescaled to 1.
/// 4. **Reasons** (`ReasonBuilder`): shared concepts, distinguishing themes,
///    whole shared words, paired documents, in the request's language.
public final class PartnerRecommender {
    /// The index read.
    public let index: IndexReader
    /// Weight of shared programme concepts (language-independent).
    public var conceptWeight = 0.55
    /// Weight of shared themes (language-independent).
    public var themeWeight = 0.2
    /// Weight of shared words (only within one language).
    public var lexicalWeight = 0.25
    /// Below this, even the best partner is reported as a weak match.
    public var weakScore = 0.25
    /// A shared word is shown only if at most this share of the cities of its language use it (`CityStatistics.commonness`).
    public var maximumShownWordShare = 1.0 / 3.0
    /// Expand terms in the lexical query.
    public var expandTerms = 40
    /// Documents fetched by each candidate query.
    public var candidateDocuments = 300
    /// Terms in more than this share of all documents are boilerplate.
    public var maxDocumentShare = 0.2
    /// The most documents describing one city.
    public var profileDocuments = 30
    /// Candidate cities compared in full (at least; more for large limits).
    public var comparedCities = 30

    /// A recommender over `index`.
    public init(index: IndexReader) {
        self.index = index
    }

    /// Runs `request`.
    public func recommend(_ request: RecommendRequest) throws -> RecommendResponse {
        try index.reading { try run(request) }
    }

    /// Compares two cities of the index.
    public func compare(_ request: CompareRequest) throws -> CityComparison {
        try index.reading { try runCompare(request) }
    }

    /// The theme id that `name` (an id or a name in either language) denotes.
    public func resolveTheme(_ name: String) throws -> String {
        if let theme = index.themes.matching(name) { return theme.id }
        throw RecommendError.unknownTheme(name, suggestions: index.themes.suggestions(for: name))
    }

    // MARK: - Recommend

    /// One compared candidate.
    private struct Match {
        var city: City
        var profile: CityProfile
        var concepts: ProfileSimilarity
        var themes: ProfileSimilarity
        var words: ProfileSimilarity
        var lexicalDocuments: [(docid: UInt32, lexical: Double)]
        var score: Double
    }

    private func run(_ request: RecommendRequest) throws -> RecommendResponse {
        let limit = try validatedLimit(request.limit)
        let focus = try request.theme.map(resolveTheme)
        let country = try validatedCountry(request.country)
        let region = try validatedRegion(request.region)
        let builder = ProfileBuilder(index: index, maxDocuments: profileDocuments)
        let statistics = try CityStatistics.of(index, builder: builder)
        let rarity = TermRarity(statistics: statistics)
        let finder = CandidateFinder(index: index, builder: builder, limit: candidateDocuments)

        let source = try sourceProfile(request, focus: focus, builder: builder)
        let sourceVectors = try statistics.vectors(of: source)
        let lang = try validatedLang(request.lang) ?? source.lang
        let responseCity = source.city.map(RecommendedCity.init)
        let lexicalTerms = try normalised(finder.lexicalTerms(of: source, text: request.text, count: expandTerms,
                                                              maxDocumentShare: maxDocumentShare))
        guard limit > 0, !(sourceVectors.words.isEmpty && source.concepts.isEmpty && source.themes.isEmpty) else {
            return RecommendResponse(city: responseCity, lang: lang, weak: true, partners: [])
        }

        var filters: [(prefix: String, value: String)] = []
        if let country { filters.append((TermSchema.country, country)) }
        if let region { filters.append((TermSchema.region, region)) }
        if let focus { filters.append((TermSchema.theme, focus)) }
        let candidates = try finder.candidates(for: source, lexicalTerms: lexicalTerms, rarity: rarity, filters: filters)

        // Every city with documents is a candidate, first ranked on the
        // statistics' own (unfocused, nothing excluded) vectors; the most
        // promising are then compared in full.
        let ids = Set(statistics.cities.keys).union(candidates.keys)
        let sourceWeighted = statistics.weighted(sourceVectors)
        let eligible = ids.compactMap { id -> (City, Double)? in
            guard id != source.city?.id, let city = index.cities[id] else { return nil }
            if !request.includeNonMembers, !city.isMember { return nil }
            if request.otherCountries, let sourceCountry = source.city?.country, city.country == sourceCountry { return nil }
            if let country, city.country != country { return nil }
            if let region, city.region.map(TermSchema.slug) != region { return nil }
            if focus != nil, candidates[id] == nil { return nil }
            let rough = statistics.weightedCity(id).map { roughSimilarity(sourceWeighted, $0) } ?? 0
            return (city, rough)
        }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.id < $1.0.id }
        let sourceReports = Set(source.documents.map { ProfileBuilder.reportKey($0.title) }.filter { !$0.isEmpty })
        var matches: [Match] = []
        for (city, _) in eligible.prefix(max(comparedCities, limit * 3)) {
            guard let profile = try builder.profile(of: city, focus: focus, excluding: source.city?.id,
                                                    excludingTitles: sourceReports) else { continue }
            let lexicalDocuments = try (candidates[city.id]?.documents ?? []).filter {
                !sourceReports.contains(ProfileBuilder.reportKey(try builder.title(of: $0.docid)))
            }
            let match = try compared(sourceWeighted, profile, city: city, lexicalDocuments: lexicalDocuments, statistics: statistics)
            if match.score > 0 { matches.append(match) }
        }
        matches.sort { $0.score != $1.score ? $0.score > $1.score : $0.city.name < $1.city.name }

        let reasons = ReasonBuilder(index: index, rarity: rarity, lang: lang)
        var partners: [Partner] = []
        for match in matches.prefix(limit) {
            let said = try reasons.reasons(source: source, partner: match.profile, concepts: match.concepts,
                                           themes: match.themes, lexicalDocuments: match.lexicalDocuments,
                                           lexicalTerms: shownWords(match.words, statistics: statistics))
            partners.append(Partner(rank: partners.count + 1, id: match.city.id, name: match.city.name,
                                    country: match.city.country, score: Self.rounded(match.score),
                                    concepts: said.concepts, themes: focus.map { [$0] } ?? said.themes, terms: said.terms,
                                    pairs: said.pairs, evidence: said.evidence))
        }
        return RecommendResponse(city: responseCity, lang: lang, weak: (matches.first?.score ?? 0) < weakScore,
                                 partners: partners)
    }

    /// The source's profile: a city of the index or a text.
    private func sourceProfile(_ request: RecommendRequest, focus: String?, builder: ProfileBuilder) throws -> CityProfile {
        switch (request.city, request.text) {
        case (nil, nil): throw RecommendError.missingSource
        case (.some, .some): throw RecommendError.cityAndText
        case (let name?, nil):
            let city = try index.cities.resolve(name)
            guard let profile = try builder.profile(of: city, focus: focus, excluding: nil) else {
                throw RecommendError.noDocuments(city: city.name, theme: focus)
            }
            return profile
        case (nil, let text?):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw RecommendError.emptyText }
            return builder.profile(ofText: text, focus: focus)
        }
    }

    /// How similar `partner` is to `source`: the blend of concept, theme and
    /// word similarity (each a cosine of rarity-weighted city vectors), over
    /// the parts the source has. Words are left out of the blend for a
    /// partner documented in none of the source's languages: there they are
    /// missing evidence, not evidence against, so the language of the
    /// documents does not decide.
    private func similarity(_ source: CityStatistics.WeightedVectors, _ partner: CityStatistics.WeightedVectors)
        -> (score: Double, concepts: ProfileSimilarity, themes: ProfileSimilarity, words: ProfileSimilarity) {
        let concepts = ProfileSimilarity(source.parts[0], partner.parts[0])
        let themes = ProfileSimilarity(source.parts[1], partner.parts[1])
        let words = ProfileSimilarity(source.parts[2], partner.parts[2])
        return (blend(source, partner, [concepts.value, themes.value, words.value]), concepts, themes, words)
    }

    /// `similarity(_:_:)`'s score without the contributions reasons need:
    /// the first ranking of every city, on vectors weighted once (the
    /// source's per request, every city's per index revision).
    private func roughSimilarity(_ source: CityStatistics.WeightedVectors, _ partner: CityStatistics.WeightedVectors) -> Double {
        blend(source, partner, (0..<3).map { source.cosine(partner, part: $0) })
    }

    /// The blend of the concept, theme and word cosines over the parts the
    /// source has; words count only where the two share a language.
    private func blend(_ source: CityStatistics.WeightedVectors, _ partner: CityStatistics.WeightedVectors,
                       _ cosines: [Double]) -> Double {
        var weighted = 0.0, total = 0.0
        let wordsPresent = !source.parts[2].isEmpty && !source.languages.isDisjoint(with: partner.languages)
        for (part, weight, present) in [(0, conceptWeight, !source.parts[0].isEmpty), (1, themeWeight, !source.parts[1].isEmpty),
                                        (2, lexicalWeight, wordsPresent)] where present {
            weighted += weight * cosines[part]
            total += weight
        }
        return total > 0 ? weighted / total : 0
    }

    /// The full comparison of `source` with a candidate's own profile.
    private func compared(_ source: CityStatistics.WeightedVectors, _ partner: CityProfile, city: City,
                          lexicalDocuments: [(docid: UInt32, lexical: Double)], statistics: CityStatistics) throws -> Match {
        let partnerVectors = try statistics.vectors(of: partner)
        let result = similarity(source, statistics.weighted(partnerVectors))
        return Match(city: city, profile: partner, concepts: result.concepts, themes: result.themes, words: result.words,
                     lexicalDocuments: lexicalDocuments, score: result.score)
    }

    // MARK: - Compare

    private func runCompare(_ request: CompareRequest) throws -> CityComparison {
        let first = try index.cities.resolve(request.a)
        let second = try index.cities.resolve(request.b)
        guard first.id != second.id else {
            throw RecommendError.invalidParameter(name: "cities", reason: "compare two different cities, not \(first.name) with itself")
        }
        let builder = ProfileBuilder(index: index, maxDocuments: profileDocuments)
        let statistics = try CityStatistics.of(index, builder: builder)
        let rarity = TermRarity(statistics: statistics)
        let finder = CandidateFinder(index: index, builder: builder, limit: candidateDocuments)
        guard let a = try builder.profile(of: first, focus: nil, excluding: second.id) else {
            throw RecommendError.noDocuments(city: first.name, theme: nil)
        }
        guard let b = try builder.profile(of: second, focus: nil, excluding: first.id,
                                          excludingTitles: Set(a.documents.map { ProfileBuilder.reportKey($0.title) })) else {
            throw RecommendError.noDocuments(city: second.name, theme: nil)
        }
        let lang = try validatedLang(request.lang) ?? a.lang
        let lexicalTerms = try normalised(finder.lexicalTerms(of: a, text: nil, count: expandTerms, maxDocumentShare: maxDocumentShare))
        let lexicalDocuments = try finder.lexicalDocuments(of: second.id, terms: lexicalTerms, excluding: first.id)
        let sourceVectors = statistics.weighted(try statistics.vectors(of: a))
        let match = try compared(sourceVectors, b, city: second, lexicalDocuments: lexicalDocuments, statistics: statistics)
        let reasons = ReasonBuilder(index: index, rarity: rarity, lang: lang)
        let said = try reasons.reasons(source: a, partner: b, concepts: match.concepts, themes: match.themes,
                                       lexicalDocuments: lexicalDocuments,
                                       lexicalTerms: shownWords(match.words, statistics: statistics))
        func only(_ x: CityProfile, _ y: CityProfile) throws -> [SharedConcept] {
            try rarity.weighted(x.concepts.filter { y.concepts[$0.key] == nil }, prefix: TermSchema.programmeConcept)
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(8).compactMap { entry in index.concepts[entry.key].map { SharedConcept(id: entry.key, label: $0.label(in: lang)) } }
        }
        func onlyThemes(_ x: CityProfile, _ y: CityProfile) throws -> [String] {
            try rarity.weighted(x.themes.filter { y.themes[$0.key] == nil }, prefix: TermSchema.theme)
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map(\.key)
        }
        return CityComparison(a: RecommendedCity(first), b: RecommendedCity(second), lang: lang, score: Self.rounded(match.score),
                              sharedConcepts: match.concepts.contributions.prefix(10).compactMap { entry in
                                  index.concepts[entry.key].map { SharedConcept(id: entry.key, label: $0.label(in: lang)) }
                              },
                              onlyA: try only(a, b), onlyB: try only(b, a),
                              sharedThemes: match.themes.contributions.map(\.key), onlyAThemes: try onlyThemes(a, b),
                              onlyBThemes: try onlyThemes(b, a), terms: said.terms, pairs: said.pairs)
    }

    // MARK: - Validation

    private func validatedLimit(_ limit: Int) throws -> Int {
        guard limit >= 0 else { throw RecommendError.invalidParameter(name: "limit", reason: "must be 0 or more") }
        return min(limit, RecommendRequest.maxLimit)
    }

    private func validatedCountry(_ country: String?) throws -> String? {
        guard let country else { return nil }
        guard let code = CountryCode.normalized(country) else {
            throw RecommendError.invalidParameter(name: "country", reason: CountryCode.problem(country))
        }
        return code
    }

    private func validatedRegion(_ region: String?) throws -> String? {
        guard let region else { return nil }
        let slug = TermSchema.slug(region)
        let known = Set(index.cities.all.compactMap(\.region).map(TermSchema.slug))
        guard known.contains(slug) else { throw RecommendError.unknownRegion(region, known: known.sorted()) }
        return slug
    }

    private func validatedLang(_ lang: String?) throws -> String? {
        guard let lang else { return nil }
        let code = lang.lowercased()
        guard code == "vi" || code == "en" else {
            throw RecommendError.invalidParameter(name: "lang", reason: "'\(lang)' is not vi or en")
        }
        return code
    }

    // MARK: - Helpers

    /// The shared words worth showing (as `XF` terms), most telling first:
    /// those at most a third of the cities of their language use.
    private func shownWords(_ words: ProfileSimilarity, statistics: CityStatistics) -> [String] {
        words.contributions.filter { statistics.commonness($0.key, .word) <= maximumShownWordShare }.map { TermSchema.folded + $0.key }
    }

    /// Weights divided by the largest, so that queries weigh terms alike whatever the ESet's scale.
    private func normalised(_ terms: [(term: String, weight: Double)]) -> [(term: String, weight: Double)] {
        let top = terms.first?.weight ?? 1
        return terms.map { (term: $0.term, weight: $0.weight / max(top, 1e-9)) }
    }

    /// Sum of the best three values, weighted 1, ½, ¼.
    static func topSum(_ values: [Double]) -> Double {
        var sum = 0.0
        var factor = 1.0
        for value in values.sorted(by: >).prefix(3) {
            sum += value * factor
            factor /= 2
        }
        return sum
    }

    /// True for an unprefixed (exact word) term: prefixed terms start with an upper-case ASCII letter.
    static func isExactWord(_ term: String) -> Bool {
        guard let first = term.utf8.first else { return false }
        return !(first >= 0x41 && first <= 0x5A)
    }

    static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
