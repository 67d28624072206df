import Foundation
import XapianKit

/// Runs searches on an index: the query is analysed like documents, parsed
/// by Xapian's QueryParser (AND by default, relaxed to OR when AND finds
/// nothing), ranked by BM25 with exact-accent matches boosted, and returned
/// with snippets and facet counts.
public final class Searcher {
    /// The index searched.
    public let index: IndexReader
    /// Bytes of UTF-8 text in each snippet (about).
    public var snippetLength = 220
    /// Weight factor of bigram boosts (1: a bigram weighs like a word).
    public var bigramWeight = 1.0
    /// Below this many matches, a spelling suggestion is looked for.
    public var suggestBelow = 3
    /// Matches looked at for facet counts and the total: all of them up to
    /// this many; beyond it the total is Xapian's estimate and facet counts
    /// are scaled up from this first sample (`facets_sampled` says so).
    public var facetSampleSize = 1000

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

        let analyzed = QueryAnalyzer.analyze(trimmed, synonyms: index.synonyms)
        guard !analyzed.words.isEmpty || analyzed.parserText.contains(":") else { throw SearchError.emptyQuery }
        var options = SearchOptions()
        options.query = analyzed.parserText
        options.defaultPrefix = TermSchema.folded
        options.boostQuery = analyzed.boostText
        options.boostTerms = analyzed.bigramTerms.map { ($0, bigramWeight) }
        options.alternativeTerms = ConceptExpansion.terms(for: trimmed, index: index)
        options.alternativeWeight = ConceptExpansion.weight
        options.stopwords = Array(Set(analyzed.words.map(\.key).filter(index.isQueryStopword)))
        options.fields = TermSchema.fields.map { SearchOptions.Field(name: $0.name, prefix: $0.prefix) }
            + [SearchOptions.Field(name: QueryAnalyzer.conceptField, prefix: TermSchema.concept, isBoolean: false)]
        options.filters = try filters(for: request).map { ($0.prefix, TermSchema.filterValue($0.value)) }
        options.rangeSlot = TermSchema.Slot.year
        options.offset = request.offset
        options.limit = limit
        if request.facets {
            options.facetSlots = [TermSchema.Slot.type, TermSchema.Slot.countries, TermSchema.Slot.lang]
        }
        // Equal weights in fingerprint order, not docid order: the ranking is
        // then the same whatever the shard layout.
        options.tieBreakSlot = TermSchema.Slot.fingerprint

        let matches: MatchSet
        do {
            matches = try index.withRetry {
                options.checkAtLeast = request.facets ? min(try index.database.documentCount(), facetSampleSize) : 0
                return try index.database.search(options)
            }

        } catch let error as XapianError where error.kind == .queryParser || error.kind == .wildcard {
            throw SearchError.syntax(query: trimmed, message: error.message)
        } catch let error as XapianError {
            throw IndexError.from(error, path: index.path)
        }

        let decoder = JSONDecoder()
        var results: [SearchHit] = []
        let snippets = request.snippets && !matches.hits.isEmpty
            ? SnippetMaker(keys: ((try? matches.queryTerms()) ?? []).compactMap { term in
                term.hasPrefix(TermSchema.folded) ? String(term.dropFirst(TermSchema.folded.count)) : nil
            }, length: snippetLength)
            : nil
        for (offset, hit) in matches.hits.enumerated() {
            guard let stored = try? StoredDocument(stored: hit.data, decoder: decoder) else { continue }
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
        let plainWords = analyzed.words.filter { !$0.key.isEmpty }
        try suggest(for: plainWords, whenFew: matches.estimatedTotal < suggestBelow || matches.relaxed, into: &response)
        if sampled { response.facetsSampled = true }
        if !index.unavailableShards.isEmpty {
            response.partial = true
            response.unavailable = index.unavailableShards
        }
        return response
    }

    /// Sets `did_you_mean` (when the query found few matches) and `accented`
    /// (when it was typed without accents). A failure here fails the search:
    /// these fields must be the same on every index layout.
    private func suggest(for plainWords: [Token], whenFew: Bool, into response: inout SearchResponse) throws {
        do {
            try index.withRetry {
                let suggester = QuerySuggester(database: index.database)
                if whenFew, let corrected = try suggester.corrected(plainWords) {
                    response.didYouMean = try suggester.accented(corrected)
                }
                if !plainWords.isEmpty, plainWords.allSatisfy({ $0.exact == $0.folded }) {
                    let accented = try suggester.accented(plainWords)
                    if accented != plainWords.map(\.exact).joined(separator: " ") { response.accented = accented }
                }
            }
        } catch let error as XapianError {
            throw IndexError.from(error, path: index.path)
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
