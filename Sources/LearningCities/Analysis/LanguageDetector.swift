/// Tells Vietnamese from English text: Vietnamese letters and tone marks
/// (`ă â đ ê ô ơ ư`, `à á ả ã ạ`…) and, for text typed without accents,
/// common Vietnamese function syllables.
public enum LanguageDetector {
    /// A language learncity analyses (declared with the corpus, which names it).
    public typealias Language = DocumentLanguage

    /// The language of already tokenized text.
    public static func detect(_ tokens: [Token]) -> Language {
        guard !tokens.isEmpty else { return .en }
        var accented = 0
        var vietnameseWords = 0
        var englishWords = 0
        for token in tokens {
            if token.exact != token.folded { accented += 1 }
            if vietnameseFunctionWords.contains(token.folded) { vietnameseWords += 1 }
            if englishFunctionWords.contains(token.exact) { englishWords += 1 }
        }
        let total = Double(tokens.count)
        if Double(accented) / total >= 0.15 { return .vi }
        if vietnameseWords > englishWords, Double(vietnameseWords) / total >= 0.1 { return .vi }
        return .en
    }

    /// The language of `text`.
    public static func detect(_ text: String) -> Language {
        detect(Tokenizer().tokens(of: text))
    }

    private static let vietnameseFunctionWords: Set<String> = [
        "cua", "va", "cac", "nhung", "duoc", "trong", "cho", "voi", "nguoi", "mot", "nay", "khong",
        "da", "cung", "nhu", "tai", "den", "tu", "ve", "thanh", "pho", "hoc", "tap", "viec", "nam",
    ]

    private static let englishFunctionWords: Set<String> = [
        "the", "and", "of", "to", "in", "is", "for", "with", "on", "that", "by", "as", "are", "from",
        "its", "at", "an", "be", "this", "which", "city", "learning",
    ]
}
