/// Recognises words that can be Vietnamese syllables once folded
/// (`thuong`, `nghieng`, `hoc`): an initial consonant, a vowel nucleus from
/// Vietnamese phonotactics and an allowed final consonant. Used to keep
/// Vietnamese words away from the English stemmer.
public enum VietnameseSyllable {
    /// True when the lower-case ASCII `word` has the shape of a Vietnamese syllable.
    public static func matches(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { matches(bytes: $0) }
    }

    /// The same test on UTF-8 bytes, without allocating.
    static func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 7 else { return false }
        var index = 0
        // Longest initial first.
        for onset in onsets where hasPrefix(bytes, onset) {
            index = onset.count
            break
        }
        var nucleusEnd = index
        while nucleusEnd < bytes.count, isVowel(bytes[nucleusEnd]) { nucleusEnd += 1 }
        // "gi" and "qu" may be followed directly by a final ("gin", "quynh" has y).
        if nucleusEnd == index {
            if !(index == 2 && bytes[0] == 0x67 && bytes[1] == 0x69) { return false }
        }
        guard nucleusEnd - index <= 3, bytes.count - nucleusEnd <= 2 else { return false }
        let nucleus = pack(bytes, index, nucleusEnd)
        guard nucleus == 0 || nuclei.contains(nucleus) else { return false }
        return codas.contains(pack(bytes, nucleusEnd, bytes.count))
    }

    @inline(__always)
    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    /// Up to four bytes as one number (empty = 0); distinct for distinct byte strings without NULs.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in from..<to { value = value << 8 | UInt32(bytes[index]) }
        return value
    }

    private static func pack(_ text: String) -> UInt32 {
        text.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static let onsets: [[UInt8]] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ].map { Array($0.utf8) }

    /// Folded vowel nuclei (ă, â → a; ê → e; ô, ơ → o; ư → u).
    private static let nuclei: Set<UInt32> = Set(nucleusSpellings.map(pack))

    private static let nucleusSpellings: [String] = [
        "a", "e", "i", "o", "u", "y",
        "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue", "ui",
        "uo", "uu", "uy", "ye", "ya",
        "iai", "ieu", "oai", "oao", "oay", "oeo", "uay", "uoi", "uou", "uya", "uye", "uyu", "yeu",
    ]

    private static let codas: Set<UInt32> = Set(["", "c", "ch", "m", "n", "ng", "nh", "p", "t"].map(pack))

    @inline(__always)
    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard bytes.count >= prefix.count else { return false }
        for index in 0..<prefix.count where bytes[index] != prefix[index] { return false }
        return true
    }
}
