import Foundation

/// Splits text into words the way Xapian's QueryParser does for the same
/// text: runs of letters, digits and marks, with apostrophes kept inside
/// words (`d'Ivoire`). Text is NFC-normalised first, so NFD input gives the
/// same words as NFC input.
public struct Tokenizer: Sendable {
    /// Words longer than this (in bytes) are skipped, as Xapian limits term length.
    public var maxWordBytes = 64

    /// A tokenizer with default limits.
    public init() {}

    /// The words of `text`, with their exact, folded and key forms.
    public func tokens(of text: String) -> [Token] {
        var result: [Token] = []
        forEachWord(in: text) { exact, folded, capitalized, clause in
            result.append(Token(exact: exact, folded: folded, key: TermStemmer.key(forFolded: folded),
                                capitalized: capitalized, startsClause: clause))
        }
        return result
    }

    /// Calls `body` with (exact, folded, capitalized, startsClause) for each word.
    ///
    /// Works on Unicode scalars with reused buffers: one `String` per form per
    /// word and no Foundation calls unless the text needs NFC normalisation.
    public func forEachWord(in text: String, _ body: (String, String, Bool, Bool) -> Void) {
        var exactUTF8: [UInt8] = []
        exactUTF8.reserveCapacity(64)
        scan(CanonicalComposition.nfc(text)) { exact, folded, capitalized, clause, _ in
            TonePlacement.canonicalize(&exact)
            exactUTF8.removeAll(keepingCapacity: true)
            for scalar in exact { UTF8Bytes.append(scalar, to: &exactUTF8) }
            guard exactUTF8.count <= maxWordBytes else { return }
            body(String(decoding: exactUTF8, as: UTF8.self), String(decoding: folded, as: UTF8.self),
                 capitalized, clause)
        }
    }

    /// Calls `body` with each word's folded UTF-8 bytes and its byte range in
    /// `normalized` (text already in NFC, e.g. from `CanonicalComposition.nfc`),
    /// without making a `String` per word: what snippets need to find and cut
    /// around matches.
    func forEachFoldedWord(inNormalized normalized: String,
                           _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void) {
        scan(normalized) { _, folded, _, _, range in
            folded.withUnsafeBufferPointer { body($0, range) }
        }
    }

    /// The one word scanner behind both: `emit` gets the lower-cased scalars
    /// (to adjust), the folded UTF-8, capitalisation, whether the word starts
    /// a clause and its UTF-8 byte range.
    @inline(__always)
    private func scan(_ normalized: String,
                      _ emit: (inout [Unicode.Scalar], [UInt8], Bool, Bool, Range<Int>) -> Void) {
        let wordTable = Self.wordTable
        let lowerTable = Self.lowerTable
        let foldTable = AccentFolder.table
        var exact: [Unicode.Scalar] = []
        exact.reserveCapacity(32)
        var folded: [UInt8] = []
        folded.reserveCapacity(64)
        var capitalized = false
        var clause = true
        var pendingApostrophe = false
        var offset = 0
        var wordStart = 0
        var wordEnd = 0

        @inline(__always)
        func appendLower(_ lower: Unicode.Scalar) {
            exact.append(lower)
            let value = Int(lower.value)
            if value < 0x80 {
                folded.append(UInt8(value))
            } else {
                let foldedScalar = value < foldTable.count ? foldTable[value] : lower
                if foldedScalar.value != 0 { UTF8Bytes.append(foldedScalar, to: &folded) }
            }
        }

        func flush() {
            if !exact.isEmpty {
                emit(&exact, folded, capitalized, clause, wordStart..<wordEnd)
                clause = false
            }
            exact.removeAll(keepingCapacity: true)
            folded.removeAll(keepingCapacity: true)
            pendingApostrophe = false
        }

        for scalar in normalized.unicodeScalars {
            let value = Int(scalar.value)
            let width = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
            defer { offset += width }
            let isWord = value < wordTable.count ? wordTable[value] : Self.isWordScalar(scalar)
            if isWord {
                if exact.isEmpty { wordStart = offset }
                wordEnd = offset + width
                if pendingApostrophe {
                    exact.append("'")
                    folded.append(0x27)
                    pendingApostrophe = false
                }
                if value < 0x80 {
                    if exact.isEmpty { capitalized = value >= 0x41 && value <= 0x5A }
                    appendLower(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 32)) : scalar)
                    continue
                }
                if exact.isEmpty { capitalized = scalar.properties.isUppercase }
                if value < lowerTable.count, let mapped = lowerTable[value] {
                    appendLower(mapped)
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { appendLower(lower) }
                }
            } else if Self.isApostrophe(scalar), !exact.isEmpty, !pendingApostrophe {
                pendingApostrophe = true
            } else {
                flush()
                if Self.isClauseBreak(scalar) { clause = true }
            }
        }
        flush()
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `isWordScalar` for scalars below U+2000, precomputed.
    private static let wordTable: [Bool] = (0..<0x2000).map { value in
        Unicode.Scalar(UInt32(value)).map(isWordScalar) ?? false
    }

    /// One-scalar lower-case mappings for scalars below U+2000.
    private static let lowerTable: [Unicode.Scalar?] = (0..<0x2000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first : nil
    }

    @inline(__always)
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
    }

    @inline(__always)
    static func isClauseBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", ";", ":", "\n", "|", "(", ")", "\"", "“", "”", "…", "–", "—": return true
        default: return false
        }
    }
}
