import XapianKit

/// Turns a folded word into its search key: English words are stemmed with
/// Xapian's Porter2 stemmer (`cities` → `citi`, `learning` → `learn`), words
/// that can be Vietnamese syllables (`hoc`, `thuong`) and numbers are kept
/// whole. The same function serves documents, queries and snippets.
public enum TermStemmer {
    /// The key of a lower-case folded word.
    public static func key(forFolded folded: String) -> String {
        guard folded.utf8.count >= 4 else { return folded }
        if VietnameseSyllable.matches(folded) { return folded }
        if folded.utf8.contains(where: { $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x27 }) { return folded }
        return EnglishStemmer.stem(folded)
    }
}
