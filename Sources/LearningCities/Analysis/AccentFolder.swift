/// Folds accents away: Vietnamese tone and vowel marks, Latin diacritics, and
/// `đ`/`Đ` (which has no Unicode decomposition) to `d`/`D`.
///
/// `học tập suốt đời` → `hoc tap suot doi`, `Đà Nẵng` → `Da Nang`. Works on
/// Unicode scalars through a precomputed table, so it is cheap per word.
public enum AccentFolder {
    /// The folded form of `text` (case is kept).
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { append(scalar, to: &scalars) }
        return String(scalars)
    }

    /// True when folding would change `text`.
    public static func hasAccents(_ text: String) -> Bool {
        text.unicodeScalars.contains { fold($0) != $0 }
    }

    /// The folded form of one scalar (combining marks fold to U+0000, meaning "drop").
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = Int(scalar.value)
        if value < 0x80 { return scalar }
        if value < table.count { return table[value] }
        return scalar
    }

    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        let folded = fold(scalar)
        if folded.value != 0 { output.append(folded) }
    }

    /// Scalars below U+2000 (Latin, Latin Extended A/B/Additional, combining marks).
    static let table: [Unicode.Scalar] = {
        var table = (0..<0x2000).map { Unicode.Scalar(UInt32($0)) ?? " " }
        for value in 0x300...0x36F {
            table[value] = Unicode.Scalar(0)  // combining diacritical marks: dropped
        }
        // Only the Latin blocks decompose to an ASCII base letter (Latin-1,
        // Extended-A/B, Extended Additional with Vietnamese); decomposing just
        // these keeps start-up cheap for one-shot commands.
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if let base = decomposed.first, base != scalar, base.isASCII {
                table[value] = base
            }
        }
        let specials: [(Character, Character)] = [
            ("đ", "d"), ("Đ", "D"), ("ð", "d"), ("Ð", "D"), ("ø", "o"), ("Ø", "O"),
            ("ł", "l"), ("Ł", "L"), ("ı", "i"), ("ħ", "h"), ("Ħ", "H"), ("ŧ", "t"), ("Ŧ", "T"),
        ]
        for (from, to) in specials {
            table[Int(from.unicodeScalars.first!.value)] = to.unicodeScalars.first!
        }
        return table
    }()
}

import Foundation
