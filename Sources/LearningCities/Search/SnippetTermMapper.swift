import Foundation
import XapianKit

/// The C callback that lets Xapian's `MSet::snippet` see words the way the
/// index does: a word of the text is mapped to its `XF` search key, so
/// `học` is highlighted for the query `hoc` and `cities` for `city`.
/// Keys are memoised per word (snippets call this for every word of every
/// hit, and analysis costs far more than a lookup).
enum SnippetTermMapper {
    static let function: TermMapper = { word, length, output, capacity in
        guard let word, length > 0 else { return 0 }
        let raw = word.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
        let bytes = cache.key(for: raw) {
            var term = TermSchema.folded
            Tokenizer().forEachWord(in: String(decoding: raw, as: UTF8.self)) { _, folded, _, _ in
                if term == TermSchema.folded { term += TermStemmer.key(forFolded: folded) }
            }
            return Array(term.utf8)
        }
        if let output, bytes.count <= capacity {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { output.update(from: $0.baseAddress!, count: bytes.count) }
            }
        }
        return bytes.count
    }

    private static let cache = KeyCache()

    /// Word bytes → key bytes, shared by every thread behind a lock; emptied when it grows past `capacity`.
    private final class KeyCache: @unchecked Sendable {
        private let lock = NSLock()
        private var keys: [[UInt8]: [UInt8]] = [:]
        private let capacity = 100_000

        func key(for word: [UInt8], compute: () -> [UInt8]) -> [UInt8] {
            lock.lock()
            if let known = keys[word] {
                lock.unlock()
                return known
            }
            lock.unlock()
            let key = compute()
            lock.lock()
            if keys.count >= capacity { keys.removeAll(keepingCapacity: true) }
            keys[word] = key
            lock.unlock()
            return key
        }
    }
}
