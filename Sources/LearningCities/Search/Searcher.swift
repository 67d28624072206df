import Foundation
import XapianKit

/// Runs searches on an index: the query is analysed like documents, parsed
/// by Xapian's QueryParser and ranked by BM25 (`RankingPolicy`). A short
/// query shows the documents with every word first, then fills the page with
/// documents that have some of them; a long one (a question) makes every
/// word optional and favours documents with all of them. Exact accents
/// (typed, or restored with confidence) rank first; question words weigh
/// little. A query the parser rejects is searched as plain words.
public final class Searcher {
    /// The index searched.
    public let index: IndexReader
    /// Bytes of UTF-8 text in each snippet (about).
    public var snippetLength = 220
    /// How documents are ranked.
    public var ranking = RankingPolicy()
    /// Weight factor of bigram boosts (1: a bigram weighs like a word).
    public var bigramWeight: Double {
        get { ranking.bigramWeight }
        set { ranking.bigramWeight = newValue }
    }
    /// Below this many matches, a spelling suggestion is looked for.
    public var suggestBelow = 3
    /// Matches looked at for facet counts and the total: all of them up to
    /// this many; beyond it the total is Xapian's estimate and facet counts
    /// are scaled up from this first sample (`facets_sampled` says so).
    public var facetSampleSize = 1000

    /// The coordination that puts documents with every word above all others.
    static let everyWordFirst = 1000.0

    /// A searcher over `index`.
    public init(index: IndexReader) {
        self.index = index
    }

    /// Runs `request`.
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        let trimmed = request.query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw SearchError.emptyQuery }
        guard request.limit >= 0 else { throw SearchError.invalidParameter(name: "limit", reason: "must be 0 or more") }
        guard request.offset >= 0 else { throw SearchError.invalidParameter(name: "offset", reason: "must be 0 or more") }
        let limit = min(request.limit, SearchRequest.maxLimit)
        let filters = try filters(for: request).map { ($0.prefix, TermSchema.filterValue($0.value)) }

        let analyzed = QueryAnalyzer.analyze(trimmed, synonyms: index.synonyms)
        guard !analyzed.words.isEmpty || analyzed.parserText.contains(":") else { throw SearchError.emptyQuery }
        var plan = try index.reading { try QueryPlan(analyzed, index: index, policy: ranking) }
        var parsedAsWords = false
        var ranked: RankedPage
        do {
            ranked = try page(plan, request: request, filters: filters, limit: limit)
        } catch let error as SearchError {
            // The parser rejected the query: search its words as plain text.
            guard case .syntax = error else { throw error }
            let words = analyzed.words.map(\.exact).filter { !$0.isEmpty }
            let plainText = analyzed.words.contains { $0.exact != $0.folded } ? words.joined(separator: " ")
                : words.map(AccentFolder.fold).joined(separator: " ")
            let plainAnalyzed = QueryAnalyzer.analyze(plainText, fields: [], synonyms: index.synonyms)
            guard !plainAnalyzed.words.isEmpty else { throw error }
            plan = try index.reading { try QueryPlan(plainAnalyzed, index: index, policy: ranking) }
            ranked = try page(plan, request: request, filters: filters, limit: limit)
            parsedAsWords = true
        }
        let matches = ranked.matches

        var results: [SearchHit] = []
        let snippets = request.snippets && !ranked.hits.isEmpty ? snippetMaker(plan, matches: matches) : nil
        for (offset, entry) in ranked.hits.enumerated() {
            let hit = entry.hit
            guard let stored = try? StoredDocument(stored: hit.data) else { continue }
            let snippet = snippets?.snippet(of: stored.body) ?? ""
            results.append(SearchHit(rank: request.offset + offset + 1, id: stored.id, type: stored.type.rawValue,
                                     title: stored.title, cities: stored.cities, date: stored.date,
                                     lang: stored.lang.rawValue, score: hit.weight, snippet: snippet))
        }
        let sampled = matches.facetSample > 0 && matches.facetSample < matches.estimatedTotal
        let scale = sampled ? Double(matches.estimatedTotal) / Double(matches.facetSample) : 1
        func counts(_ facet: Int) -> [String: Int] {
            guard facet < matches.facets.count else { return [:] }
            return Dictionary(matches.facets[facet].map { ($0.value, Int((Double($0.count) * scale).rounded())) },
                       uniquingKeysWith: +)
        }
        var response = SearchResponse(query: request.query, total: matches.estimatedTotal, offset: request.offset,
                                      results: results,
                                      facets: SearchFacets(type: counts(0), country: counts(1), lang: counts(2)),
                                      relaxed: matches.relaxed,
                                      limitClamped: request.limit > SearchRequest.maxLimit ? SearchRequest.maxLimit : nil)
        if ranked.partialMatches > 0 {
            response.partialMatches = ranked.partialMatches
            if let first = ranked.firstPartial { response.partialFrom = request.offset + first + 1 }
        }
        if parsedAsWords { response.parsedAs = "words" }
        let plainWords = plan.analyzed.words.filter { !$0.key.isEmpty }
        if matches.estimatedTotal < suggestBelow || matches.relaxed {
            try index.reading {
                let suggester = QuerySuggester(database: index.database)
                if let corrected = try suggester.corrected(plainWords) { response.didYouMean = try suggester.accented(corrected) }
            }
        }
        if sampled { response.facetsSampled = true }
        if !index.unavailableShards.isEmpty {
            response.partial = true
            response.unavailable = index.unavailableShards
        }
        if let reading = plan.restoration, reading.text != plainWords.map(\.exact).joined(separator: " ") {
            // A wildcard stays a wildcard (`hoc*` is not read as `học`).
            let wildcards = Set(plan.analyzed.words.indices.filter { plan.analyzed.wildcardWordIndexes.contains($0) }
                .compactMap { index in plan.analyzed.words.indices.filter { !plan.analyzed.words[$0].key.isEmpty }.firstIndex(of: index) })
            response.accented = reading.words.enumerated().map { wildcards.contains($0.offset) ? $0.element + "*" : $0.element }
                .joined(separator: " ")
        }
        if let tier = plan.tierText, !matches.relaxed {
            let exact = try count(tier, prefix: TermSchema.exact, filters: filters)
            let every = plan.isShort ? matches.estimatedTotal
                : try count(plan.analyzed.parserText, prefix: TermSchema.folded, filters: filters, stopwords: plan.stopwords)
            response.exactMatches = exact
            response.approximateMatches = max(0, every - exact)
        }
        return response
    }


    /// The snippet maker of `plan`: the folded query keys are highlighted,
    /// but a trusted word (typed with accents, or restored with confidence)
    /// only in its exact form, so `đời` does not light up `đối`.
    private func snippetMaker(_ plan: QueryPlan, matches: MatchSet) -> SnippetMaker {
        let keys = ((try? matches.queryTerms()) ?? []).compactMap { term in
            term.hasPrefix(TermSchema.folded) ? String(term.dropFirst(TermSchema.folded.count)) : nil
        }
        return SnippetMaker(keys: keys, length: snippetLength, exactForms: plan.exactForms)
    }

    /// One page of hits, each with the match set it came from (for its snippet).
    struct RankedPage {
        /// The main match set: total, facets, `relaxed`.
        var matches: MatchSet
        /// The hits of the page, best first.
        var hits: [(hit: MatchSet.Hit, from: MatchSet)]
        /// Documents with only some of the words beyond `matches` (short queries).
        var partialMatches = 0
        /// Index in `hits` of the first of them.
        var firstPartial: Int?
    }

    /// The page `request` asks for: a short query's documents with every
    /// word, then (when they do not fill the page) the best documents with
    /// some of the words; a long query's blend of both.
    private func page(_ plan: QueryPlan, request: SearchRequest, filters: [(String, String)], limit: Int) throws -> RankedPage {
        let concepts = ConceptExpansion.terms(for: request.query.trimmingCharacters(in: .whitespacesAndNewlines), index: index)
        var options = options(for: plan, filters: filters, conceptTerms: concepts)
        options.offset = request.offset
        options.limit = limit
        if request.facets { options.facetSlots = [TermSchema.Slot.type, TermSchema.Slot.countries, TermSchema.Slot.lang] }
        options.coordination = plan.isShort ? 0 : max(ranking.coordination, 1e-6)
        let main = try run(options, facets: request.facets)
        var page = RankedPage(matches: main, hits: main.hits.map { ($0, main) })
        guard plan.isShort, !main.relaxed, main.hits.count < limit, plan.analyzed.words.count > 1 else { return page }

        // Fill: the documents with every word are all known; rank the rest.
        let everyWord = main.estimatedTotal
        var known = Set(main.hits.map(\.docid))
        if request.offset > 0, everyWord > 0 {
            var all = options
            all.offset = 0
            all.limit = everyWord
            all.facetSlots = []
            known = Set(try run(all, facets: false).hits.map(\.docid))
        }
        var blend = options
        blend.coordination = Self.everyWordFirst
        blend.facetSlots = []
        blend.offset = 0
        let skip = max(0, request.offset - everyWord)
        let wanted = limit - main.hits.count
        blend.limit = everyWord + skip + wanted
        // Counted like the main match (exact up to the facet sample size): Xapian's estimate
        // depends on the shard layout, and through xapian-tcpsrv on each server's own estimate.
        let blended = try run(blend, facets: false, counted: true)
        let partial = blended.hits.filter { !known.contains($0.docid) }
        let fill = partial.dropFirst(skip).prefix(wanted)
        if !fill.isEmpty { page.firstPartial = page.hits.count }
        page.hits += fill.map { ($0, blended) }
        page.partialMatches = max(0, blended.estimatedTotal - everyWord)
        return page
    }

    /// Search options for `plan`, without paging.
    private func options(for plan: QueryPlan, filters: [(String, String)], conceptTerms: [String] = []) -> SearchOptions {
        let analyzed = plan.analyzed
        var options = SearchOptions()
        // The query's programme concepts also match, at a low weight: documents in the other language.
        options.alternativeTerms = conceptTerms
        options.alternativeWeight = ConceptExpansion.weight
        options.query = analyzed.parserText
        options.defaultPrefix = TermSchema.folded
        options.boostQuery = plan.boostText
        options.boostScale = ranking.exactWeight
        options.boostTerms = analyzed.bigramTerms.map { ($0, ranking.bigramWeight) }
            + analyzed.questionTerms.map { ($0, ranking.questionWeight) }
        options.tierQuery = plan.tierText
        options.tierWeight = ranking.exactTierWeight
        options.bm25 = (ranking.k1, ranking.b)
        options.stopwords = plan.stopwords
        options.fields = TermSchema.fields.map { SearchOptions.Field(name: $0.name, prefix: $0.prefix) }
            + [SearchOptions.Field(name: QueryAnalyzer.conceptField, prefix: TermSchema.concept, isBoolean: false)]
        options.filters = filters
        options.rangeSlot = TermSchema.Slot.year
        // Equal weights in fingerprint order, not docid order: the ranking is
        // then the same whatever the shard layout.
        options.tieBreakSlot = TermSchema.Slot.fingerprint
        return options
    }

    /// Runs `options`, mapping Xapian's errors to the engine's. With `facets`
    /// or `counted`, the matches are counted exactly up to `facetSampleSize`.
    private func run(_ options: SearchOptions, facets: Bool, counted: Bool = false) throws -> MatchSet {
        var options = options
        do {
            return try index.withRetry {
                options.checkAtLeast = facets || counted ? min(try index.database.documentCount(), facetSampleSize) : 0
                return try index.database.search(options)
            }
        } catch let error as XapianError where error.kind == .queryParser || error.kind == .wildcard {
            throw SearchError.syntax(query: options.query ?? "", message: error.message)
        } catch let error as XapianError {
            throw IndexError.from(error, path: index.path)
        }
    }

    /// How many documents have every word of `text` (parsed with `prefix`) and pass `filters`.
    private func count(_ text: String, prefix: String, filters: [(String, String)], stopwords: [String] = []) throws -> Int {
        var options = SearchOptions()
        options.query = text
        options.defaultPrefix = prefix
        options.relaxToOr = false
        options.filters = filters
        options.stopwords = stopwords
        options.fields = TermSchema.fields.map { SearchOptions.Field(name: $0.name, prefix: $0.prefix) }
            + [SearchOptions.Field(name: QueryAnalyzer.conceptField, prefix: TermSchema.concept, isBoolean: false)]
        options.rangeSlot = TermSchema.Slot.year
        options.limit = 0
        return try index.withRetry {
            options.checkAtLeast = try index.database.documentCount()
            return try index.database.search(options).estimatedTotal
        }
    }

    /// Validated filters of the request as (prefix, value) pairs.
    private func filters(for request: SearchRequest) throws -> [(prefix: String, value: String)] {
        var filters: [(prefix: String, value: String)] = []
        if let type = request.type {
            guard let parsed = DocumentType(rawValue: type.lowercased()) else {
                throw SearchError.invalidParameter(name: "type", reason: "'\(type)' is not one of profile, initiative, news")
            }
            filters.append((TermSchema.type, parsed.rawValue))
        }
        if let lang = request.lang {
            guard let parsed = LanguageDetector.Language(rawValue: lang.lowercased()) else {
                throw SearchError.invalidParameter(name: "lang", reason: "'\(lang)' is not one of vi, en")
            }
            filters.append((TermSchema.lang, parsed.rawValue))
        }
        if let country = request.country {
            guard let code = CountryCode.normalized(country) else {
                throw SearchError.invalidParameter(name: "country", reason: CountryCode.problem(country))
            }
            filters.append((TermSchema.country, code))
        }
        if let city = request.city {
            filters.append((TermSchema.city, try index.cities.resolve(city).id))
        }
        return filters
    }
}
