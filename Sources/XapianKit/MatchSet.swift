internal import CXapian

/// The result of one search: ranked hits, an estimated total, facet counts
/// and the terms of the query that ran.
public final class MatchSet {
    /// One ranked hit.
    public struct Hit: Sendable {
        /// Xapian's document id.
        public let docid: UInt32
        /// BM25 weight.
        public let weight: Double
        /// The document's stored data.
        public let data: [UInt8]
        /// The collapse key (empty when not collapsing).
        public let collapseKey: String
        /// How many further matches were collapsed into this one (a lower bound).
        public let collapseCount: Int
    }

    private let handle: OpaquePointer
    /// The hits, best first.
    public let hits: [Hit]
    /// Xapian's estimate of the number of matches.
    public let estimatedTotal: Int
    /// True when AND found nothing and the words were OR'ed instead.
    public let relaxed: Bool
    /// Counts of values per facet slot, in the order asked for.
    public let facets: [[(value: String, count: Int)]]
    /// How many matching documents the facet counts come from.
    public let facetSample: Int
    /// The spelling-corrected query text, if Xapian proposed one.
    public let correctedQuery: String?

    init(handle: OpaquePointer, facetCount: Int) {
        self.handle = handle
        var hits: [Hit] = []
        let size = lc_mset_size(handle)
        hits.reserveCapacity(size)
        for i in 0..<size {
            var dataLength = 0
            let data = lc_mset_data(handle, i, &dataLength)
            var keyLength = 0
            let key = lc_mset_collapse_key(handle, i, &keyLength)
            hits.append(Hit(docid: lc_mset_docid(handle, i), weight: lc_mset_weight(handle, i),
                            data: copyBytes(data, dataLength), collapseKey: decodeBytes(key, keyLength),
                            collapseCount: Int(lc_mset_collapse_count(handle, i))))
        }
        self.hits = hits
        estimatedTotal = Int(lc_mset_estimated(handle))
        relaxed = lc_mset_relaxed(handle) != 0
        facets = (0..<facetCount).map { facet in
            (0..<lc_mset_facet_size(handle, facet)).map { i in
                var length = 0
                let value = lc_mset_facet_value(handle, facet, i, &length)
                return (decodeBytes(value, length), Int(lc_mset_facet_count(handle, facet, i)))
            }
        }
        facetSample = Int(lc_mset_facet_sample(handle))
        var correctedLength = 0
        let corrected = decodeBytes(lc_mset_corrected(handle, &correctedLength), correctedLength)
        correctedQuery = corrected.isEmpty ? nil : corrected
    }

    deinit { lc_mset_free(handle) }

    /// The terms of the query that ran.
    public func queryTerms() throws(XapianError) -> [String] {
        takeTermList(try xapianHandle { lc_mset_query_terms(handle, $0) }).map(\.term)
    }

}

extension Database {
    /// Runs a search.
    public func search(_ options: SearchOptions) throws(XapianError) -> MatchSet {
        let fieldNames = options.fields.map(\.name)
        let fieldPrefixes = options.fields.map(\.prefix)
        let termStrings = options.weightedTerms.map(\.term) + options.boostTerms.map(\.term)
        let weightValues = options.weightedTerms.map(\.weight) + options.boostTerms.map(\.weight)
        let weightedCount = options.weightedTerms.count
        let filterPrefixes = options.filters.map(\.prefix)
        let filterValues = options.filters.map(\.value)
        let facetSlots = options.facetSlots.map { UInt32($0) }
        var error = lc_error()
        let result: OpaquePointer? = withCStringArray(fieldNames) { names in
            withCStringArray(fieldPrefixes) { prefixes in
                withCStringArray(termStrings) { terms in
                    withCStringArray(filterPrefixes) { fPrefixes in
                        withCStringArray(filterValues) { fValues in
                            withCStringArray(options.excludedTerms) { excluded in
                                withCStringArray(options.stopwords) { stops in
                                withCStringArray(options.alternativeTerms) { alternatives in
                                    let fields = (0..<fieldNames.count).map {
                                        lc_field(name: names[$0], prefix: prefixes[$0], boolean: options.fields[$0].isBoolean ? 1 : 0)
                                    }
                                    let weighted = (0..<termStrings.count).map {
                                        lc_weighted_term(term: terms[$0], weight: weightValues[$0])
                                    }
                                    return fields.withUnsafeBufferPointer { fieldBuffer in
                                        weighted.withUnsafeBufferPointer { weightedBuffer in
                                            facetSlots.withUnsafeBufferPointer { slotBuffer in
                                                (options.query ?? "").withCString { query in
                                                    options.defaultPrefix.withCString { prefix in
                                                        (options.boostQuery ?? "").withCString { boost in
                                                          (options.tierQuery ?? "").withCString { tier in
                                                            var o = lc_search_options()
                                                            o.query = options.query == nil ? nil : query
                                                            o.default_prefix = prefix
                                                            o.boost_query = boost
                                                            o.terms = weightedBuffer.baseAddress
                                                            o.term_count = weightedCount
                                                            o.boost_terms = weightedBuffer.baseAddress.map { $0 + weightedCount }
                                                            o.boost_term_count = weighted.count - weightedCount
                                                            o.fields = fieldBuffer.baseAddress
                                                            o.field_count = fields.count
                                                            o.filter_prefixes = fPrefixes
                                                            o.filter_values = fValues
                                                            o.filter_count = filterPrefixes.count
                                                            o.exclude_terms = excluded
                                                            o.exclude_count = options.excludedTerms.count
                                                            o.range_slot = Int32(options.rangeSlot ?? -1)
                                                            o.offset = UInt32(clamping: options.offset)
                                                            o.limit = UInt32(clamping: options.limit)
                                                            o.check_at_least = UInt32(clamping: options.checkAtLeast)
                                                            o.wildcard_limit = 64  // the most terms a wildcard expands to
                                                            o.default_and = options.defaultAnd ? 1 : 0
                                                            o.relax_to_or = options.relaxToOr ? 1 : 0
                                                            o.spelling = 0
                                                            o.synonyms = 0
                                                            o.collapse_slot = Int32(options.collapseSlot ?? -1)
                                                            o.facet_slots = slotBuffer.baseAddress
                                                            o.facet_count = facetSlots.count
                                                            o.stopwords = stops
                                                            o.stopword_count = options.stopwords.count
                                                            o.tie_break_slot = Int32(options.tieBreakSlot ?? -1)
                                                            o.alternative_terms = alternatives
                                                            o.alternative_term_count = options.alternativeTerms.count
                                                            o.alternative_weight = options.alternativeWeight
                                                            o.bm25_set = options.bm25 == nil ? 0 : 1
                                                            o.bm25_k1 = options.bm25?.k1 ?? 1
                                                            o.bm25_b = options.bm25?.b ?? 0.5
                                                            o.boost_scale = options.boostScale
                                                            o.tier_query = options.tierQuery == nil ? nil : tier
                                                            o.tier_weight = options.tierWeight
                                                            o.coordination = options.coordination
                                                            return lc_search(handle, &o, &error)
                                                          }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            }
        }
        guard let result else { throw XapianError(error) }
        return MatchSet(handle: result, facetCount: facetSlots.count)
    }
}
