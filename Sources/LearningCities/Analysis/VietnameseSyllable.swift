/// Recognises words that can be Vietnamese syllables once folded
/// (`thuong`, `nghieng`, `hoc`): an initial consonant, a vowel nucleus from
/// Vietnamese phonotactics and an allowed final consonant. Used to keep
/// Vietnamese words away from the English stemmer.
public enum VietnameseSyllable {
    /// True when the lower-case ASCII `word` has the shape of a Vietnamese syllable.
    public static func matches(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard !bytes.isEmpty, bytes.count <= 7 else { return false }
        var index = 0
        // Longest initial first.
        for onset in onsets where hasPrefix(bytes, onset) {
            index = onset.count
            break
        }
        var nucleusEnd = index
        while nucleusEnd < bytes.count, vowels.contains(bytes[nucleusEnd]) { nucleusEnd += 1 }
        // "gi" and "qu" may be followed directly by a final ("gin", "quynh" has y).
        if nucleusEnd == index {
            let onset = bytes[0..<index]
            if !(onset.elementsEqual("gi".utf8)) { return false }
        }
        let nucleus = String(decoding: bytes[index..<nucleusEnd], as: UTF8.self)
        let coda = String(decoding: bytes[nucleusEnd...], as: UTF8.self)
        guard nucleus.isEmpty || nuclei.contains(nucleus) else { return false }
        return codas.contains(coda)
    }

    private static let onsets: [[UInt8]] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ].map { Array($0.utf8) }

    private static let vowels: Set<UInt8> = Set("aeiouy".utf8)

    /// Folded vowel nuclei (ă, â → a; ê → e; ô, ơ → o; ư → u).
    private static let nuclei: Set<String> = [
        "a", "e", "i", "o", "u", "y",
        "ai", "ao", "au", "ay", "eo", "eu", "ia", "ie", "iu", "oa", "oe", "oi", "oo", "ua", "ue", "ui",
        "uo", "uu", "uy", "ye", "ya",
        "iai", "ieu", "oai", "oao", "oay", "oeo", "uay", "uoi", "uou", "uya", "uye", "uyu", "yeu",
    ]

    private static let codas: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]

    private static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && bytes[0..<prefix.count].elementsEqual(prefix)
    }
}
