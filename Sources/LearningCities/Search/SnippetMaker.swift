/// Cuts the snippet of a hit from its stored text, in Swift, where the text
/// already is: the passage of about `length` bytes that holds the most
/// distinct query words (then the most matches), with every word whose
/// search key is a query key between `<b>` and `</b>`, HTML-escaped
/// (`&`, `<`, `>`), with `…` where the text was cut.
///
/// Words are matched the way the index sees them: a word's folded form is
/// turned into its search key (`học` → `hoc`, `cities` → `citi`) only when
/// its first bytes can lead to a query key, so most words cost a few
/// integer comparisons and no `String`.
public struct SnippetMaker: Sendable {
    /// The search keys to highlight (folded, stemmed; no prefix).
    public let keys: [String]
    /// Bytes of text to aim for.
    public let length: Int
    private let keyIndex: [String: Int]
    /// First bytes (up to two) that a word must start with to possibly have each key.
    private let probes: [(count: Int, bytes: UInt16)]

    /// Keys whose words count as matches only in these exact forms (the
    /// trusted accents of a query: `doi` → `đời`, so `đối` is not a match).
    public let exactForms: [String: Set<String>]

    /// A maker highlighting `keys` in passages of about `length` bytes;
    /// a key of `exactForms` only in its listed exact forms.
    public init(keys: [String], length: Int, exactForms: [String: Set<String>] = [:]) {
        let unique = Array(Set(keys.filter { !$0.isEmpty })).sorted()
        self.keys = unique
        self.length = max(1, length)
        self.exactForms = exactForms
        keyIndex = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, $0) })
        // An English stem keeps at least the word's first two letters (`hoping` → `hope`,
        // `cities` → `citi`); Vietnamese syllables, numbers and short words are their own key.
        probes = Array(Set(unique.map { key -> [UInt8] in Array(key.utf8.prefix(2)) }))
            .map { (count: $0.count, bytes: Self.pack($0[...])) }
    }

    @inline(__always)
    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var packed: UInt16 = 0
        for byte in bytes.prefix(2) { packed = packed << 8 | UInt16(byte) }
        return packed
    }

    /// The snippet of `text`.
    public func snippet(of text: String) -> String {
        let normalized = CanonicalComposition.nfc(text)
        let bytes = Array(normalized.utf8)
        // Word boundaries and matches go into preallocated buffers through `let`
        // pointers: captured `var` arrays would cost a dynamic exclusivity check
        // per append (a tenth of a search's instructions, measured with callgrind).
        let capacity = bytes.count / 2 + 2  // a word and its separator take at least two bytes
        let words = UnsafeMutablePointer<Int>.allocate(capacity: 3 * capacity + 1)
        defer { words.deallocate() }
        let count = words + 3 * capacity
        count.pointee = 0
        Tokenizer().forEachFoldedWord(inNormalized: normalized) { folded, range in
            let index = count.pointee
            guard index < capacity else { return }
            words[index] = range.lowerBound
            words[capacity + index] = range.upperBound
            words[2 * capacity + index] = match(folded)
            count.pointee = index + 1
        }
        let starts = Array(UnsafeBufferPointer(start: words, count: count.pointee))
        let ends = Array(UnsafeBufferPointer(start: words + capacity, count: count.pointee))
        var matched = Array(UnsafeBufferPointer(start: words + 2 * capacity, count: count.pointee))
        guard !starts.isEmpty else { return "" }
        if !exactForms.isEmpty {
            for word in matched.indices where matched[word] >= 0 {
                guard let forms = exactForms[keys[matched[word]]] else { continue }
                let text = String(decoding: bytes[starts[word]..<ends[word]], as: UTF8.self)
                if let exact = Tokenizer().tokens(of: text).first?.exact, !forms.contains(exact) { matched[word] = -1 }
            }
        }
        // A text that fits is shown whole.
        let (first, last) = bytes.count <= length ? (0, starts.count - 1) : bestWindow(starts, ends, matched)

        var end = last == ends.count - 1 ? bytes.count : ends[last]
        if end < bytes.count {
            // Keep punctuation that closes the last word (`.`, `,`, `)`…).
            var extra = 0
            while end < bytes.count, extra < 3, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x22].contains(bytes[end]) {
                end += 1
                extra += 1
            }
        }
        while end > starts[first], [0x20, 0x0A, 0x0D, 0x09].contains(bytes[end - 1]) { end -= 1 }
        let start = starts[first]

        var out: [UInt8] = []
        out.reserveCapacity(end - start + 64)
        if start > 0 { out.append(contentsOf: [0xE2, 0x80, 0xA6]) }
        var position = start
        for word in first...last where matched[word] >= 0 && ends[word] <= end {
            escape(bytes[position..<starts[word]], into: &out)
            out.append(contentsOf: Array("<b>".utf8))
            escape(bytes[starts[word]..<ends[word]], into: &out)
            out.append(contentsOf: Array("</b>".utf8))
            position = ends[word]
        }
        escape(bytes[position..<end], into: &out)
        if end < bytes.count { out.append(contentsOf: [0xE2, 0x80, 0xA6]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key index a word's folded bytes match, or -1.
    @inline(__always)
    private func match(_ folded: UnsafeBufferPointer<UInt8>) -> Int {
        guard !keys.isEmpty, !folded.isEmpty else { return -1 }
        let head = folded.count >= 2 ? UInt16(folded[0]) << 8 | UInt16(folded[1]) : UInt16(folded[0])
        let single = UInt16(folded[0])
        guard probes.contains(where: { $0.bytes == ($0.count == 2 ? head : single) && ($0.count == 2 || folded.count == 1) })
        else { return -1 }
        let key = TermStemmer.key(forFolded: String(decoding: folded, as: UTF8.self))
        return keyIndex[key] ?? -1
    }

    /// The words first...last of the passage to show: within `length` bytes,
    /// starting at a match, most distinct keys, then most matches, then earliest.
    private func bestWindow(_ starts: [Int], _ ends: [Int], _ matched: [Int]) -> (Int, Int) {
        var counts = [Int](repeating: 0, count: keys.count)
        var distinct = 0, total = 0
        var best = (score: -1, first: 0, last: 0)
        var last = -1
        func add(_ word: Int) {
            let key = matched[word]
            guard key >= 0 else { return }
            if counts[key] == 0 { distinct += 1 }
            counts[key] += 1
            total += 1
        }
        for first in starts.indices {
            if last < first {
                last = first
                add(first)
            }
            while last + 1 < starts.count, ends[last + 1] - starts[first] <= length {
                last += 1
                add(last)
            }
            // Passages start at a match (the text's start when nothing matches).
            let score = distinct * 1_000_000 + total
            if first == 0 && best.score < 0 { best = (0, 0, last) }
            if matched[first] >= 0, score > best.score { best = (score, first, last) }
            if matched[first] >= 0 {
                counts[matched[first]] -= 1
                total -= 1
                if counts[matched[first]] == 0 { distinct -= 1 }
            }
        }
        return (best.first, best.last)
    }

    @inline(__always)
    private func escape(_ slice: ArraySlice<UInt8>, into out: inout [UInt8]) {
        for byte in slice {
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            default: out.append(byte)
            }
        }
    }
}
