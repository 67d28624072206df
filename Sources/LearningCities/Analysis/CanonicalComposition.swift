import Foundation

/// Unicode NFC with a fast path: text made only of scalars that can neither
/// change nor combine under NFC (everything below U+0300, Latin Extended
/// Additional U+1E00–U+1EFF where precomposed Vietnamese letters live, and
/// most general punctuation) is already NFC and is returned as is, without
/// Foundation's normaliser. Anything else goes through
/// `precomposedStringWithCanonicalMapping`.
public enum CanonicalComposition {
    /// `text` in Unicode Normalization Form C.
    public static func nfc(_ text: String) -> String {
        isKnownNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar of `text` is NFC-stable on its own and cannot
    /// compose with a neighbour (no combining marks, no singletons).
    @inline(__always)
    public static func isKnownNFC(_ text: String) -> Bool {
        for byte in text.utf8 where byte >= 0xC0 {
            _ = byte
            return text.unicodeScalars.allSatisfy { scalar in
                let value = scalar.value
                return value < 0x300 || (value >= 0x1E00 && value <= 0x1EFF) || (value >= 0x2002 && value <= 0x206F)
            }
        }
        return true  // ASCII
    }
}
