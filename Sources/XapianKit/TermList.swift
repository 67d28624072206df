internal import CXapian

/// A term with a frequency (term frequency in the database, or wdf in a document).
public struct TermFrequency: Equatable, Sendable {
    /// The term, prefix included.
    public let term: String
    /// Its frequency.
    public let frequency: Int
}

/// Copies a bridge term list into Swift values and frees it.
func takeTermList(_ list: OpaquePointer) -> [TermFrequency] {
    defer { lc_termlist_free(list) }
    let count = lc_termlist_size(list)
    var result: [TermFrequency] = []
    result.reserveCapacity(count)
    for i in 0..<count {
        var length = 0
        let pointer = lc_termlist_term(list, i, &length)
        result.append(TermFrequency(term: decodeBytes(pointer, length), frequency: Int(lc_termlist_freq(list, i))))
    }
    return result
}
