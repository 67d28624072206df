import Foundation

/// One query of the judged set (`bench/quality/judged-queries.jsonl`): what a
/// reader typed, what they meant, and the documents that answer it with a
/// grade from 1 (partly relevant) to 3 (exactly what was asked for).
struct JudgedQuery: Codable {
    /// Stable id such as `vi-01`.
    var id: String
    /// `vi` or `en`.
    var lang: String
    /// The query as typed (Vietnamese with accents).
    var query: String
    /// What the reader wants, in words.
    var intent: String
    /// Relevant document ids with their grade, 1...3.
    var relevant: [String: Int]
    /// True for the questions kept aside while tuning, scored last.
    var heldout: Bool?

    /// True for a Vietnamese query.
    var isVietnamese: Bool { lang == "vi" }

    /// Reads and validates a judged-set file: one JSON object per line, blank
    /// lines skipped; every problem names the file, line and field.
    static func load(path: String) throws -> [JudgedQuery] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchFailure(description: "cannot read the judged set at \(path)")
        }
        let decoder = JSONDecoder()
        var queries: [JudgedQuery] = []
        var ids = Set<String>()
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let where_ = "\(path):\(index + 1)"
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let query: JudgedQuery
            do {
                query = try decoder.decode(JudgedQuery.self, from: Data(line))
            } catch {
                throw BenchFailure(description: "\(where_): not a judged query (id, lang, query, intent, relevant): \(error)")
            }
            guard ["vi", "en"].contains(query.lang) else {
                throw BenchFailure(description: "\(where_): field 'lang' is '\(query.lang)', expected vi or en")
            }
            guard !query.query.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw BenchFailure(description: "\(where_): field 'query' is empty")
            }
            guard !query.relevant.isEmpty else {
                throw BenchFailure(description: "\(where_): field 'relevant' lists no document")
            }
            if let bad = query.relevant.first(where: { !(1...3).contains($0.value) }) {
                throw BenchFailure(description: "\(where_): field 'relevant' grades '\(bad.key)' \(bad.value), expected 1...3")
            }
            guard ids.insert(query.id).inserted else {
                throw BenchFailure(description: "\(where_): field 'id' repeats '\(query.id)'")
            }
            queries.append(query)
        }
        return queries
    }
}
