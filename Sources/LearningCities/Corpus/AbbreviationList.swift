import Foundation

/// Groups of abbreviations and the words they stand for, from
/// `abbreviations.jsonl` (`{"terms": ["GD-ĐT", "giáo dục và đào tạo"]}` per
/// line): each group is one concept for search.
public struct AbbreviationList: Codable, Sendable, Equatable {
    /// The groups, in file order.
    public var groups: [[String]]

    /// A list of `groups`.
    public init(groups: [[String]] = []) {
        self.groups = groups
    }

    /// Reads `abbreviations.jsonl` from the corpus folder (empty when absent);
    /// bad lines become issues.
    public static func read(corpus: String) throws -> (list: AbbreviationList, issues: [CorpusIssue]) {
        let path = (corpus as NSString).appendingPathComponent("abbreviations.jsonl")
        guard FileManager.default.fileExists(atPath: path) else { return (AbbreviationList(), []) }
        var groups: [[String]] = []
        var issues: [CorpusIssue] = []
        // The corpus reader's line reading: BOM skipped, UTF-8 and JSON checked.
        try CorpusReader.forEachJSONLine(path: path, file: "abbreviations.jsonl", issue: { issues.append($0) }) { object, number in
            guard let terms = object["terms"] as? [String] else {
                issues.append(CorpusIssue(file: "abbreviations.jsonl", line: number,
                                          reason: "expected {\"terms\": [strings]}"))
                return
            }
            let cleaned = terms.map { $0.precomposedStringWithCanonicalMapping }.filter { !$0.isEmpty }
            guard cleaned.count >= 2 else {
                issues.append(CorpusIssue(file: "abbreviations.jsonl", line: number, reason: "a group needs at least two terms"))
                return
            }
            groups.append(cleaned)
        }
        return (AbbreviationList(groups: groups), issues)
    }
}
