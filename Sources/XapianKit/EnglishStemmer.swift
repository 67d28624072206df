internal import CXapian

/// Xapian's English (Porter2) stemmer.
///
/// Safe from any thread: the C side keeps one `Xapian::Stem` and one result
/// buffer per thread (`thread_local` in Stem.cpp), and the result is copied
/// into a Swift string before this returns.
public enum EnglishStemmer {
    /// The stem of a lower-case word.
    public static func stem(_ word: String) -> String {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        var error = lc_error()
        let status = withCBytes(word) { lc_stem_english($0, $1, &pointer, &length, &error) }
        return status == 0 ? decodeBytes(pointer, length) : word
    }
}
