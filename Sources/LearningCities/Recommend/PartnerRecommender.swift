import Foundation
import XapianKit

/// Recommends partner cities: cities whose lifelong-learning programmes
/// resemble those of a city of the index (or of a free-text description),
/// with the shared themes, shared words and best documents as reasons.
///
/// How, on Xapian:
/// 1. The source profile is the set of documents linked to the city (`XC`):
///    its profile and initiatives (its news only when it has nothing else).
///    Relevance feedback (`Enquire::get_eset` over an `RSet` of them, with an
///    expand decider that drops stopwords, numbers, city names and
///    boilerplate) picks its most distinctive `XF` terms. In `--text` mode
///    the text's own words, weighted by tf-idf, play that part.
/// 2. A weighted OR query of those terms finds lexically similar documents;
///    a second weighted query of the source's theme terms (`XH`, whose wdf is
///    the number of cue phrases) finds documents about the same programmes in
///    any language. Documents linked to the source city are excluded.
/// 3. Documents are credited to every city they link to, each getting an
///    equal share (a news article naming five cities gives each a fifth), and
///    summed per city over its best three documents (decaying 1, ½, ¼). This
///    replaces `set_collapse_key`: the collapse slot holds only a document's
///    first city, which would credit a multi-city article to one city only.
/// 4. A city's lexical score is divided by the source's own score for the
///    same query (capped at 1), so that weak overlaps stay weak instead of
///    being stretched to 1; its theme score is the weighted Jaccard overlap
///    of the theme profiles (share of documents with each theme). The blend
///    `(1 − themeBlend) · lexical + themeBlend · themes` ranks the cities, and
///    scores are rescaled so the best partner has 1.0.
public final class PartnerRecommender {
    /// The index read.
    public let index: IndexReader
    /// Weight of theme overlap against lexical similarity (0…1). Themes
    /// are what bridges Vietnamese and English documents, so they weigh a
    /// little more than words; on the labelled test corpus precision@3 is
    /// 0.77 at 0.5, 0.92 at 0.6, 0.94 at 0.7 (see docs/recommend.md).
    public var themeBlend = 0.6
    /// Expand terms in the lexical query.
    public var expandTerms = 40
    /// Documents fetched by each of the two queries.
    public var candidateDocuments = 300
    /// Terms in more than this share of all documents are boilerplate.
    public var maxDocumentShare = 0.2
    /// The most source documents given to relevance feedback.
    public var maxRelevantDocuments = 100
    /// Evidence documents shown per partner.
    public var evidencePerPartner = 3
    /// Shared terms shown per partner.
    public var termsPerPartner = 8
    /// Shared themes shown per partner.
    public var themesPerPartner = 5

    /// A recommender over `index`.
    public init(index: IndexReader) {
        self.index = index
    }

    /// Runs `request`.
    public func recommend(_ request: RecommendRequest) throws -> RecommendResponse {
        do {
            return try index.withRetry { try run(request) }
        } catch let error as XapianError {
            throw IndexError.from(error, path: index.path)
        }
    }

    /// The theme id that `name` (an id or a name in either language) denotes.
    public func resolveTheme(_ name: String) throws -> String {
        if let theme = index.themes.matching(name) { return theme.id }
        throw RecommendError.unknownTheme(name, suggestions: index.themes.suggestions(for: name))
    }

    // MARK: - The pipeline

    /// What is known about the source: its documents, query terms and theme profile.
    struct Source {
        var city: City?
        var documents: [UInt32] = []
        var shares: [UInt32: Double] = [:]
        var terms: [(term: String, weight: Double)] = []
        var themeProfile: [String: Double] = [:]
        var documentThemes: [UInt32: [String]] = [:]
    }

    /// One candidate document with what the two queries said about it.
    struct Candidate {
        var lexical = 0.0
        var thematic = 0.0
        var cities: [String] = []
        var themes: [String] = []
    }

    private func run(_ request: RecommendRequest) throws -> RecommendResponse {
        let limit = try validatedLimit(request.limit)
        let database = index.database
        let documentCount = try database.documentCount()
        let focus = try request.theme.map(resolveTheme)
        let country = try validatedCountry(request.country)
        let region = try validatedRegion(request.region)

        var source: Source
        switch (request.city, request.text) {
        case (nil, nil): throw RecommendError.missingSource
        case (.some, .some): throw RecommendError.cityAndText
        case (let name?, nil):
            source = try cityProfile(try index.cities.resolve(name), focus: focus, documentCount: documentCount)
        case (nil, let text?):
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw RecommendError.emptyText }
            source = try textProfile(text, focus: focus, documentCount: documentCount)
        }
        let responseCity = source.city.map { RecommendedCity(id: $0.id, name: $0.name, country: $0.country) }
        guard limit > 0, !(source.terms.isEmpty && source.themeProfile.isEmpty) else {
            return RecommendResponse(city: responseCity, partners: [])
        }

        // The two queries.
        var filters: [(prefix: String, value: String)] = []
        if let country { filters.append((TermSchema.country, country)) }
        if let region { filters.append((TermSchema.region, region)) }
        if let focus { filters.append((TermSchema.theme, focus)) }
        let excluded = source.city.map { [TermSchema.term(TermSchema.city, $0.id)] } ?? []
        let topExpandWeight = source.terms.first?.weight ?? 1
        let lexicalTerms = source.terms.map { (term: $0.term, weight: $0.weight / max(topExpandWeight, 1e-9)) }
        let topTheme = source.themeProfile.values.max() ?? 1
        let themeTerms = source.themeProfile.sorted { $0.key < $1.key }
            .map { (term: TermSchema.term(TermSchema.theme, $0.key), weight: $0.value / max(topTheme, 1e-9)) }

        var candidates: [UInt32: Candidate] = [:]
        for hit in try search(lexicalTerms, filters: filters, excluded: excluded) {
            candidates[hit.docid, default: Candidate()].lexical = hit.weight
        }
        for hit in try search(themeTerms, filters: filters, excluded: excluded) {
            candidates[hit.docid, default: Candidate()].thematic = hit.weight
        }
        for docid in Array(candidates.keys) {
            candidates[docid]?.cities = try listValue(docid, slot: TermSchema.Slot.cities)
            candidates[docid]?.themes = try listValue(docid, slot: TermSchema.Slot.themes)
        }

        // The reference for lexical scores: the source's own score for the same query.
        var reference = 0.0
        if let city = source.city, !lexicalTerms.isEmpty {
            var own: [Double] = []
            for hit in try search(lexicalTerms, filters: [(TermSchema.city, city.id)], excluded: [], limit: 50)
            where source.shares[hit.docid] != nil {
                own.append(hit.weight * (source.shares[hit.docid] ?? 1))
            }
            reference = Self.topSum(own)
        }

        // Credit every linked city with a share of each document.
        let sourceCountry = source.city?.country
        var documentsByCity: [String: [UInt32]] = [:]
        for (docid, candidate) in candidates {
            for id in candidate.cities where id != source.city?.id {
                guard let city = index.cities[id] else { continue }
                if !request.includeNonMembers, !city.isMember { continue }
                if request.otherCountries, let sourceCountry, city.country == sourceCountry { continue }
                if let country, city.country != country { continue }
                if let region, city.region.map(TermSchema.slug) != region { continue }
                documentsByCity[id, default: []].append(docid)
            }
        }
        func share(_ docid: UInt32) -> Double { 1 / Double(max(candidates[docid]?.cities.count ?? 1, 1)) }

        if reference == 0 {
            var best = 0.0
            for (_, docids) in documentsByCity {
                best = max(best, Self.topSum(docids.map { (candidates[$0]?.lexical ?? 0) * share($0) }))
            }
            reference = best
        }
        var bestThematic = 0.0
        for (_, docids) in documentsByCity {
            bestThematic = max(bestThematic, Self.topSum(docids.map { (candidates[$0]?.thematic ?? 0) * share($0) }))
        }

        struct Scored {
            var city: City
            var score: Double
            var documents: [UInt32]
        }
        var scored: [Scored] = []
        for (id, docids) in documentsByCity {
            guard let city = index.cities[id] else { continue }
            let lexicalSum = Self.topSum(docids.map { (candidates[$0]?.lexical ?? 0) * share($0) })
            let lexical = reference > 0 ? min(1, lexicalSum / reference) : 0
            let thematic: Double
            if focus != nil {
                // Every document is about the focus theme: rank by how much.
                let sum = Self.topSum(docids.map { (candidates[$0]?.thematic ?? 0) * share($0) })
                thematic = bestThematic > 0 ? sum / bestThematic : 0
            } else {
                var profile: [String: Double] = [:]
                var total = 0.0
                for docid in docids {
                    let weight = share(docid)
                    total += weight
                    for theme in candidates[docid]?.themes ?? [] { profile[theme, default: 0] += weight }
                }
                thematic = Self.overlap(source.themeProfile, profile.mapValues { $0 / max(total, 1e-9) })
            }
            let score = (1 - themeBlend) * lexical + themeBlend * thematic
            guard score > 0 else { continue }
            scored.append(Scored(city: city, score: score, documents: docids))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.city.name < $1.city.name }
        let best = scored.first?.score ?? 1

        // Explanations, from the documents themselves.
        let expandOrder = Dictionary(source.terms.enumerated().map { ($0.element.term, $0.offset) },
                                     uniquingKeysWith: { first, _ in first })
        let sourceThemes = Set(source.themeProfile.keys)
        var partners: [Partner] = []
        let decoder = JSONDecoder()
        for entry in scored.prefix(limit) {
            var documents: [(docid: UInt32, score: Double)] = []
            for docid in entry.documents {
                let candidate = candidates[docid] ?? Candidate()
                let weight = share(docid)
                let lexicalPart = reference > 0 ? min(1, candidate.lexical * weight / reference) : 0
                let themePart: Double
                if focus != nil {
                    themePart = bestThematic > 0 ? min(1, candidate.thematic * weight / bestThematic) : 0
                } else {
                    themePart = Self.overlap(source.themeProfile, Dictionary(candidate.themes.map { ($0, 1.0) },
                                                                             uniquingKeysWith: { first, _ in first }))
                }
                let documentScore = (1 - themeBlend) * lexicalPart + themeBlend * themePart
                if documentScore > 0 { documents.append((docid, documentScore)) }
            }
            documents.sort { $0.score != $1.score ? $0.score > $1.score : $0.docid < $1.docid }
            let evidenceDocuments = Array(documents.prefix(evidencePerPartner))
            var evidence: [PartnerEvidence] = []
            var shared: [String: Int] = [:]  // XF term → expand rank
            var surfaceCounts: [String: [String: Int]] = [:]
            var evidenceThemes: Set<String> = []
            for document in evidenceDocuments {
                let stored = try? decoder.decode(StoredDocument.self, from: Data(try database.data(of: document.docid)))
                evidence.append(PartnerEvidence(id: stored?.id ?? String(document.docid), title: stored?.title ?? "",
                                                score: Self.rounded(document.score)))
                evidenceThemes.formUnion(candidates[document.docid]?.themes ?? [])
                let termList = try database.terms(of: document.docid)
                for term in termList where term.term.hasPrefix(TermSchema.folded) {
                    if let rank = expandOrder[term.term] { shared[term.term] = rank }
                }
                // Exact words are indexed lower-case NFC: folding and
                // stemming them gives their XF key. Only words that start
                // like a shared key are worth the work.
                let starts = Set(shared.keys.map { String($0.dropFirst(TermSchema.folded.count).prefix(2)) })
                for term in termList where Self.isExactWord(term.term) {
                    let folded = AccentFolder.fold(term.term)
                    guard starts.contains(String(folded.prefix(2))) else { continue }
                    let key = TermStemmer.key(forFolded: folded)
                    guard shared[TermSchema.folded + key] != nil else { continue }
                    surfaceCounts[key, default: [:]][term.term, default: 0] += term.frequency
                }
            }
            let terms = shared.sorted { $0.value < $1.value }.prefix(termsPerPartner).map { term, _ -> String in
                let key = String(term.dropFirst(TermSchema.folded.count))
                let forms = surfaceCounts[key] ?? [:]
                return forms.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? key
            }
            let themes: [String]
            if let focus {
                themes = [focus]
            } else {
                // Present in both; strongest in the source first.
                themes = index.themes.themes.map(\.id)
                    .filter { sourceThemes.contains($0) && evidenceThemes.contains($0) }
                    .sorted { (source.themeProfile[$0] ?? 0) > (source.themeProfile[$1] ?? 0) }
                    .prefix(themesPerPartner).map { $0 }
            }
            partners.append(Partner(rank: partners.count + 1, id: entry.city.id, name: entry.city.name,
                                    country: entry.city.country, score: Self.rounded(entry.score / best),
                                    themes: themes, terms: terms, evidence: evidence))
        }
        return RecommendResponse(city: responseCity, partners: partners)
    }

    // MARK: - Source profiles

    /// The profile of a city of the index.
    private func cityProfile(_ city: City, focus: String?, documentCount: Int) throws -> Source {
        let database = index.database
        var source = Source(city: city)
        // Candidates from posting lists, not by reading every document: the
        // city's own profile and initiatives describe its programmes; news
        // (often about several cities joining the network at once) only
        // stands in when there is nothing else. A city named in thousands of
        // news articles costs a few posting-list reads, then values are read
        // for the few documents kept.
        var candidates = Set(try database.documentIDs(for: TermSchema.term(TermSchema.city, city.id)))
        if let focus { candidates.formIntersection(try database.documentIDs(for: TermSchema.term(TermSchema.theme, focus))) }
        guard !candidates.isEmpty else { throw RecommendError.noDocuments(city: city.name, theme: focus) }
        var own: Set<UInt32> = []
        for type in [DocumentType.profile, .initiative] {
            own.formUnion(try database.documentIDs(for: TermSchema.term(TermSchema.type, type.rawValue)))
        }
        own.formIntersection(candidates)
        let pool = (own.isEmpty ? candidates : own).sorted().prefix(maxRelevantDocuments * 4)
        var documents: [(docid: UInt32, cities: Int)] = []
        for docid in pool {
            documents.append((docid, max(try listValue(docid, slot: TermSchema.Slot.cities).count, 1)))
        }
        let relevant = documents.sorted { ($0.cities, $0.docid) < ($1.cities, $1.docid) }.prefix(maxRelevantDocuments)
        for document in relevant {
            source.documentThemes[document.docid] = try listValue(document.docid, slot: TermSchema.Slot.themes)
        }
        source.documents = relevant.map(\.docid)
        var total = 0.0
        for document in relevant {
            let share = 1 / Double(document.cities)
            source.shares[document.docid] = share
            total += share
            for theme in source.documentThemes[document.docid] ?? [] { source.themeProfile[theme, default: 0] += share }
        }
        source.themeProfile = source.themeProfile.mapValues { $0 / max(total, 1e-9) }
        if let focus { source.themeProfile = [focus: 1] }

        var options = ExpandOptions(relevantDocuments: source.documents)
        options.maxTerms = expandTerms
        options.prefix = TermSchema.folded
        options.stopTerms = index.recommendStopTerms
        options.minTermFrequency = 2
        options.maxDocumentShare = documentCount >= 20 ? maxDocumentShare : 0
        options.skipNumbers = true
        source.terms = try database.expand(options).map { (term: $0.term, weight: $0.weight) }
        return source
    }

    /// The profile of a free-text description: its words weighted by tf-idf, its themes.
    private func textProfile(_ text: String, focus: String?, documentCount: Int) throws -> Source {
        let database = index.database
        var source = Source()
        let tokens = Tokenizer().tokens(of: text)
        var frequencies: [String: Int] = [:]
        for token in tokens { frequencies[token.key, default: 0] += 1 }
        let stops = Set(index.recommendStopTerms)
        let maxFrequency = documentCount >= 20 ? Int(maxDocumentShare * Double(documentCount)) : documentCount
        var weighted: [(term: String, weight: Double)] = []
        for (key, count) in frequencies {
            let term = TermSchema.folded + key
            guard !stops.contains(term), !key.allSatisfy(\.isNumber) else { continue }
            let frequency = try database.termFrequency(term)
            guard frequency > 0, frequency <= maxFrequency else { continue }
            weighted.append((term: term, weight: Double(count) * log(Double(documentCount + 1) / Double(frequency))))
        }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
        source.terms = Array(weighted.prefix(expandTerms))
        let counts = ThemeTagger(vocabulary: index.themes).counts(in: tokens)
        let total = Double(counts.values.reduce(0, +))
        for (theme, count) in counts { source.themeProfile[theme] = Double(count) / max(total, 1) }
        if let focus { source.themeProfile = [focus: 1] }
        return source
    }

    // MARK: - Helpers

    private func search(_ terms: [(term: String, weight: Double)], filters: [(prefix: String, value: String)],
                        excluded: [String], limit: Int? = nil) throws -> [MatchSet.Hit] {
        guard !terms.isEmpty else { return [] }
        var options = SearchOptions()
        options.weightedTerms = terms
        options.filters = filters.map { ($0.prefix, TermSchema.filterValue($0.value)) }
        options.excludedTerms = excluded
        options.limit = limit ?? candidateDocuments
        options.defaultAnd = false
        options.relaxToOr = false
        return try index.database.search(options).hits
    }

    private func listValue(_ docid: UInt32, slot: Int) throws -> [String] {
        let bytes = try index.database.value(of: docid, slot: slot)
        guard !bytes.isEmpty else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: Character(TermSchema.valueSeparator)).map(String.init)
    }

    private func validatedLimit(_ limit: Int) throws -> Int {
        guard limit >= 0 else { throw RecommendError.invalidParameter(name: "limit", reason: "must be 0 or more") }
        return min(limit, RecommendRequest.maxLimit)
    }

    private func validatedCountry(_ country: String?) throws -> String? {
        guard let country else { return nil }
        let code = country.uppercased()
        guard code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw RecommendError.invalidParameter(name: "country", reason: "'\(country)' is not a two-letter ISO country code such as VN")
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

    /// Weighted Jaccard overlap Σ min / Σ max of two theme profiles.
    static func overlap(_ a: [String: Double], _ b: [String: Double]) -> Double {
        var minimum = 0.0
        var maximum = 0.0
        for key in Set(a.keys).union(b.keys) {
            let x = a[key] ?? 0, y = b[key] ?? 0
            minimum += min(x, y)
            maximum += max(x, y)
        }
        return maximum > 0 ? minimum / maximum : 0
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
