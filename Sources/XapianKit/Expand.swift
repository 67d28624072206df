internal import CXapian

/// What `Database.expand` should return: Xapian's ESet for a relevance set,
/// filtered by an expand decider.
public struct ExpandOptions: Sendable {
    /// The relevant documents.
    public var relevantDocuments: [UInt32]
    /// The most terms to return.
    public var maxTerms: Int = 40
    /// Only terms with this prefix.
    public var prefix: String = ""
    /// Only terms without a prefix (not starting with an ASCII capital).
    public var unprefixedOnly = false
    /// Never these terms.
    public var stopTerms: [String] = []
    /// Skip terms in fewer documents than this.
    public var minTermFrequency: Int = 1
    /// Skip terms in more than this share of all documents (0: no limit).
    public var maxDocumentShare: Double = 0
    /// Skip terms whose body is all digits.
    public var skipNumbers: Bool = true

    /// Options for the documents `relevantDocuments`.
    public init(relevantDocuments: [UInt32]) {
        self.relevantDocuments = relevantDocuments
    }
}

/// A term chosen by relevance feedback, with its expand weight.
public struct ExpandedTerm: Sendable, Equatable {
    /// The term, prefix included.
    public let term: String
    /// Xapian's expand weight.
    public let weight: Double
}

extension Database {
    /// The terms that best describe a set of relevant documents (Xapian's ESet).
    public func expand(_ options: ExpandOptions) throws(XapianError) -> [ExpandedTerm] {
        var error = lc_error()
        var weights: UnsafeMutablePointer<Double>?
        let list: OpaquePointer? = withCStringArray(options.stopTerms) { stops in
            options.relevantDocuments.withUnsafeBufferPointer { rset in
                options.prefix.withCString { prefix in
                    var o = lc_expand_options()
                    o.rset = rset.baseAddress
                    o.rset_count = rset.count
                    o.max_terms = UInt32(clamping: options.maxTerms)
                    o.prefix = prefix
                    o.unprefixed_only = options.unprefixedOnly ? 1 : 0
                    o.stop_terms = stops
                    o.stop_count = options.stopTerms.count
                    o.min_termfreq = UInt32(clamping: options.minTermFrequency)
                    o.max_df_share = options.maxDocumentShare
                    o.skip_numbers = options.skipNumbers ? 1 : 0
                    return lc_expand(handle, &o, &weights, &error)
                }
            }
        }
        guard let list else { throw XapianError(error) }
        defer { lc_free_weights(weights) }
        let terms = takeTermList(list)
        return terms.enumerated().map { ExpandedTerm(term: $0.element.term, weight: weights?[$0.offset] ?? 0) }
    }
}
