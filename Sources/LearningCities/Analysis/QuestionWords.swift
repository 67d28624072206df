/// The words that make a query a question rather than say what it is about:
/// Vietnamese `bao nhiêu`, `là gì`, `như thế nào`, `có được`…, English
/// `what`, `which`, `how many`… A question's answer rarely repeats them, so
/// they weigh little in a query (they only boost), whatever their frequency.
///
/// Phrases are matched on folded words (`bao nhieu` is the same phrase typed
/// without accents); the longest phrase wins. Vietnamese particles that
/// also mean something else (`không` "not, zero", `chưa` "not yet") count
/// only at the end of a clause, where they ask (`… có được miễn không?`).
public enum QuestionWords {
    /// Vietnamese question phrases, as folded words.
    static let vietnamese: [[String]] = [
        "bao nhieu", "bao lau", "bao gio", "khi nao", "luc nao", "o dau", "tai dau", "la gi", "gi", "nhung gi",
        "cai gi", "nhu the nao", "the nao", "ra sao", "nhu nao", "lam sao", "lam the nao", "tai sao", "vi sao",
        "la ai", "ai", "nao", "co duoc", "duoc khong", "hay khong", "co phai", "phai khong", "co the",
        "hay chua", "chua", "nhu vay", "vay", "a", "nhi", "the",
    ].map { $0.split(separator: " ").map(String.init) }

    /// English question phrases (folded, not stemmed).
    static let english: [[String]] = [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "how many", "how much", "how long",
        "how often", "do", "does", "did", "is", "are", "was", "were", "can", "could", "should", "would", "will",
        "may", "might", "must", "there",
    ].map { $0.split(separator: " ").map(String.init) }

    /// Folded words that are question words only at the end of a clause.
    static let clauseFinal: Set<String> = ["khong", "chua", "chang", "a", "nhi", "vay", "the", "nao", "gi"]

    /// Folded words that are question words anywhere (not only clause-final).
    static let anywhere: Set<String> = ["gi", "nao", "a", "nhi", "vay", "the", "chua"]

    /// Indexes of `words` (folded, in query order; `clauseEnds` marks the
    /// last word of each clause) that belong to a question phrase. The
    /// English list applies when most words cannot be Vietnamese syllables
    /// (`thu do` is *thủ đô*, not "do"), the Vietnamese one otherwise.
    public static func positions(in words: [String], clauseEnds: Set<Int>) -> Set<Int> {
        let foreign = words.filter { !VietnameseSyllable.matches($0) }.count
        let isEnglish = foreign * 2 >= words.count && foreign > 0
        let phrases = isEnglish ? english : vietnamese
        var found: Set<Int> = []
        var index = 0
        while index < words.count {
            var best = 0
            for phrase in phrases where phrase.count > best && index + phrase.count <= words.count {
                guard Array(words[index..<(index + phrase.count)]) == phrase else { continue }
                let last = index + phrase.count - 1
                // One-syllable Vietnamese particles ask only at the end of a clause.
                if !isEnglish, phrase.count == 1, anywhere.contains(phrase[0]) || clauseFinal.contains(phrase[0]),
                   !clauseEnds.contains(last), !["gi", "nao"].contains(phrase[0]) { continue }
                best = phrase.count
            }
            if best == 0, !isEnglish, clauseFinal.contains(words[index]), clauseEnds.contains(index) { best = 1 }
            if best > 0 {
                for offset in 0..<best { found.insert(index + offset) }
                index += best
            } else {
                index += 1
            }
        }
        return found
    }
}
