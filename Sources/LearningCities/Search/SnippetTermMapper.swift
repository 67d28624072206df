import XapianKit

/// The C callback that lets Xapian's `MSet::snippet` see words the way the
/// index does: a word of the text is mapped to its `XF` search key, so
/// `học` is highlighted for the query `hoc` and `cities` for `city`. The
/// bridge remembers the answer for each word, so each distinct word is
/// analysed once per thread.
enum SnippetTermMapper {
    static let function: TermMapper = { word, length, output, capacity in
        guard let word, length > 0 else { return 0 }
        let text = word.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        var term = TermSchema.folded
        Tokenizer().forEachWord(in: text) { _, folded, _, _ in
            if term == TermSchema.folded { term += TermStemmer.key(forFolded: folded) }
        }
        let bytes = Array(term.utf8)
        if let output, bytes.count <= capacity {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { output.update(from: $0.baseAddress!, count: bytes.count) }
            }
        }
        return bytes.count
    }
}
