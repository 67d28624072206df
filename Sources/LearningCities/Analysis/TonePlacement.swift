/// Puts Vietnamese tone marks in one canonical place, so that the two
/// spelling conventions (`hoà`/`hòa`, `khoẻ`/`khỏe`, `thuỷ`/`thủy`) give the
/// same word. The canonical form puts the tone on the first vowel of an
/// open `oa`, `oe` or `uy` syllable ending (`hòa`, `khỏe`, `thủy`); other
/// syllables have one correct placement and are left alone.
public enum TonePlacement {
    /// The canonical spelling of one lower-case NFC word.
    public static func canonical(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        guard canonicalize(&scalars) else { return word }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Moves the tone of the lower-case NFC word `scalars` to its canonical
    /// place, in place; true when it changed anything.
    @discardableResult
    public static func canonicalize(_ scalars: inout [Unicode.Scalar]) -> Bool {
        let count = scalars.count
        guard count >= 2, count <= 12 else { return false }
        // The cluster must end the word: ...o a / o e / u y.
        guard let second = vowel(scalars[count - 1]), let first = vowel(scalars[count - 2]) else { return false }
        let pair = (first.base, second.base)
        let isCluster = pair == ("o", "a") || pair == ("o", "e") || pair == ("u", "y")
        guard isCluster else { return false }
        // "qu" + y: the u belongs to the consonant, the tone stays on y.
        if pair == ("u", "y"), count >= 3, scalars[count - 3] == "q" { return false }
        // Only a tone on the second vowel moves; a third vowel before the pair means another syllable shape.
        if count >= 3, vowel(scalars[count - 3]) != nil { return false }
        guard second.tone != 0, first.tone == 0 else { return false }
        scalars[count - 2] = compose(first.base, tone: second.tone)
        scalars[count - 1] = compose(second.base, tone: 0)
        return true
    }

    /// The five tone marks as combining scalars, indexed 1...5.
    private static let tones: [Unicode.Scalar] = ["\u{0}", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]

    /// (plain vowel, tone index) for each toned vowel a, e, i, o, u, y.
    private static let decomposition: [Unicode.Scalar: (base: Unicode.Scalar, tone: Int)] = {
        var table: [Unicode.Scalar: (Unicode.Scalar, Int)] = [:]
        for base in "aeiouy".unicodeScalars {
            table[base] = (base, 0)
            for tone in 1...5 {
                let composed = String(String.UnicodeScalarView([base, tones[tone]])).precomposedStringWithCanonicalMapping
                if let scalar = composed.unicodeScalars.first, composed.unicodeScalars.count == 1 {
                    table[scalar] = (base, tone)
                }
            }
        }
        return table
    }()

    /// True for scalars that can be toned vowels: a, e, i, o, u, y and U+00C0…U+1EFF.
    @inline(__always)
    private static func vowel(_ scalar: Unicode.Scalar) -> (base: Unicode.Scalar, tone: Int)? {
        let value = scalar.value
        switch value {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return (scalar, 0)
        case 0xC0...0x1EFF: return decomposition[scalar]
        default: return nil
        }
    }

    private static func compose(_ base: Unicode.Scalar, tone: Int) -> Unicode.Scalar {
        guard tone > 0 else { return base }
        let composed = String(String.UnicodeScalarView([base, tones[tone]])).precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.first ?? base
    }
}

import Foundation
