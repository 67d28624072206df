/// Puts Vietnamese tone marks in one canonical place, so that the two
/// spelling conventions (`hoà`/`hòa`, `khoẻ`/`khỏe`, `thuỷ`/`thủy`) give the
/// same word. The canonical form puts the tone on the first vowel of an
/// open `oa`, `oe` or `uy` syllable ending (`hòa`, `khỏe`, `thủy`); other
/// syllables have one correct placement and are left alone.
public enum TonePlacement {
    /// The canonical spelling of one lower-case NFC word.
    public static func canonical(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 12 else { return word }
        // The cluster must end the word: ...o a / o e / u y.
        let last = scalars[scalars.count - 1]
        let previous = scalars[scalars.count - 2]
        guard let second = vowel(last), let first = vowel(previous) else { return word }
        let pair = (first.base, second.base)
        let isCluster = pair == ("o", "a") || pair == ("o", "e") || pair == ("u", "y")
        guard isCluster else { return word }
        // "qu" + y: the u belongs to the consonant, the tone stays on y.
        if pair == ("u", "y"), scalars.count >= 3, scalars[scalars.count - 3] == "q" { return word }
        // Only a tone on the second vowel moves; a third vowel before the pair means another syllable shape.
        if scalars.count >= 3, vowel(scalars[scalars.count - 3]) != nil { return word }
        guard second.tone != 0, first.tone == 0 else { return word }
        var result = scalars
        result[scalars.count - 2] = compose(first.base, tone: second.tone)
        result[scalars.count - 1] = compose(second.base, tone: 0)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: result)
        return String(view)
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

    private static func vowel(_ scalar: Unicode.Scalar) -> (base: Unicode.Scalar, tone: Int)? {
        decomposition[scalar]
    }

    private static func compose(_ base: Unicode.Scalar, tone: Int) -> Unicode.Scalar {
        guard tone > 0 else { return base }
        let composed = String(String.UnicodeScalarView([base, tones[tone]])).precomposedStringWithCanonicalMapping
        return composed.unicodeScalars.first ?? base
    }
}

import Foundation
