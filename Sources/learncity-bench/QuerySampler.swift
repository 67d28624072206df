import Foundation
import LearningCities

/// One benchmark query: the text as a user types it, and the filter
/// learncity applies (the baseline has no filter terms and runs the text alone).
struct BenchQuery: Codable {
    enum Kind: String, Codable {
        case words, phrase
    }

    var text: String
    var kind: Kind
    var folded: Bool
    /// `lang` filter for learncity (`vi`), or nil.
    var langFilter: String?
    /// `type` filter for learncity (`news`), or nil.
    var typeFilter: String?
}

/// Draws 1–4 word queries from the documents, deterministically (fixed seed):
/// every other query typed without accents, one in ten a quoted phrase, one
/// in five with a filter.
enum QuerySampler {
    static func sample(from flatPath: String, count: Int, documents: Int) throws -> [BenchQuery] {
        guard count > 0, documents > 0, let handle = FileHandle(forReadingAtPath: flatPath) else { return [] }
        defer { try? handle.close() }
        var random = SplitMix64(seed: 0x1ea2_c17e)
        let stride = max(1, documents / count)
        let perDocument = max(1, (count + documents - 1) / documents)
        var queries: [BenchQuery] = []
        var lines = ChunkedLines(handle: handle)
        var index = 0
        let decoder = JSONDecoder()
        while queries.count < count, let line = lines.next() {
            defer { index += 1 }
            guard index % stride == 0, let document = try? decoder.decode(BenchCorpus.FlatDocument.self, from: line) else { continue }
            let words = document.body.split(whereSeparator: { $0.isWhitespace })
                .map { $0.trimmingCharacters(in: .punctuationCharacters.union(.symbols)) }
                .filter { word in !word.isEmpty && word.contains(where: \.isLetter) }
            guard !words.isEmpty else { continue }
            for _ in 0..<perDocument where queries.count < count {
                let number = queries.count
                let isPhrase = number % 10 == 3
                let length = isPhrase ? 2 + Int(random.next() % 2) : 1 + Int(random.next() % 4)
                let start = Int(random.next() % UInt64(max(1, words.count - length + 1)))
                var text = words[start..<min(words.count, start + length)].joined(separator: " ").lowercased()
                let folded = number % 2 == 1
                if folded { text = AccentFolder.fold(text) }
                if isPhrase { text = "\"" + text + "\"" }
                queries.append(BenchQuery(text: text, kind: isPhrase ? .phrase : .words, folded: folded,
                                          langFilter: number % 10 == 5 ? "vi" : nil,
                                          typeFilter: number % 10 == 7 ? "news" : nil))
            }
        }
        return queries
    }
}

/// A small deterministic generator (SplitMix64), so every run draws the same queries.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
