internal import CXapian

/// A document to index: terms (with positions and wdf), boolean terms,
/// values and data. A plain value; it reaches Xapian only when written.
public struct Document: Sendable {
    /// One occurrence of a term: a position (0 = none) and a wdf increment.
    public struct Posting: Sendable, Equatable {
        /// The term, prefix included.
        public var term: String
        /// Its position in the text (1-based), or 0 for a term without position.
        public var position: UInt32
        /// How much the occurrence adds to the term's wdf.
        public var wdf: UInt32

        /// Creates a posting.
        public init(term: String, position: UInt32 = 0, wdf: UInt32 = 1) {
            self.term = term
            self.position = position
            self.wdf = wdf
        }
    }

    /// Weighted terms, in order of addition.
    public var postings: [Posting] = []
    /// Terms that filter but do not weigh (city, country, type...).
    public var booleanTerms: [String] = []
    /// Values by slot.
    public var values: [Int: [UInt8]] = [:]
    /// The stored data returned with search results.
    public var data: [UInt8] = []

    /// An empty document.
    public init() {}

    /// Adds a term occurrence at `position` (0 for none).
    public mutating func add(_ term: String, position: UInt32 = 0, wdf: UInt32 = 1) {
        postings.append(Posting(term: term, position: position, wdf: wdf))
    }

    /// Adds a boolean (filter) term.
    public mutating func addBoolean(_ term: String) {
        booleanTerms.append(term)
    }

    /// Sets the value in `slot`.
    public mutating func setValue(_ value: String, slot: Int) {
        values[slot] = Array(value.utf8)
    }

    /// Builds the Xapian document handle; the caller frees it.
    func makeHandle() throws(XapianError) -> OpaquePointer {
        guard let doc = lc_document_new() else {
            throw XapianError(kind: .standardLibrary, type: "bad_alloc", message: "out of memory")
        }
        do {
            try fill(doc)
        } catch {
            lc_document_free(doc)
            throw error
        }
        return doc
    }

    private func fill(_ doc: OpaquePointer) throws(XapianError) {
        if !postings.isEmpty {
            // One crossing for all terms: a contiguous UTF-8 buffer plus offsets.
            var buffer: [UInt8] = []
            buffer.reserveCapacity(postings.count * 8)
            var offsets: [Int] = []
            var lengths: [Int] = []
            var positions: [UInt32] = []
            var wdfs: [UInt32] = []
            offsets.reserveCapacity(postings.count)
            for posting in postings {
                offsets.append(buffer.count)
                buffer.append(contentsOf: posting.term.utf8)
                lengths.append(buffer.count - offsets.last!)
                positions.append(posting.position)
                wdfs.append(posting.wdf)
            }
            try xapianCall { error in
                withCBytes(buffer) { base, _ in
                    let pointers: [UnsafePointer<CChar>?] = offsets.map { base! + $0 }
                    return lc_document_add_terms(doc, pointers, lengths, positions, wdfs, postings.count, error)
                }
            }
        }
        for term in booleanTerms {
            try xapianCall { error in withCBytes(term) { lc_document_add_boolean_term(doc, $0, $1, error) } }
        }
        for (slot, value) in values {
            try xapianCall { error in withCBytes(value) { lc_document_set_value(doc, UInt32(slot), $0, $1, error) } }
        }
        try xapianCall { error in withCBytes(data) { lc_document_set_data(doc, $0, $1, error) } }
    }
}
