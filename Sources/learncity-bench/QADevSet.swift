import Foundation

/// One question→passage development set in `../shared/data/qa-dev/<name>/`:
/// a learncity corpus folder, questions with and without accents, and TREC
/// qrels. Read in place (research-use licence: never copied).
struct QADevSet {
    /// One question.
    struct Question {
        var id: String
        var text: String
        var unaccented: String?
        /// Relevant document id → grade.
        var relevant: [String: Int]
        /// Cross-validation fold, 0..<QADevSet.folds, from a hash of the id.
        var fold: Int
    }

    /// Folds the questions are split into.
    static let folds = 5
    /// Folds parameters are tuned on; the others are only reported.
    static let tuningFolds: Set<Int> = [0, 1, 2]

    var name: String
    var corpus: String
    var questions: [Question]

    /// The sets found under `folder` (sub-folders with `corpus/`, `queries.tsv`, `qrels`), by name.
    static func load(folder: String) throws -> [QADevSet] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.sorted().compactMap { name in
            let root = (folder as NSString).appendingPathComponent(name)
            let corpus = (root as NSString).appendingPathComponent("corpus")
            let queries = (root as NSString).appendingPathComponent("queries.tsv")
            let qrels = (root as NSString).appendingPathComponent("qrels")
            guard [corpus, queries, qrels].allSatisfy(FileManager.default.fileExists(atPath:)) else { return nil }
            let accented = try tsv(queries)
            let unaccented = (try? tsv((root as NSString).appendingPathComponent("queries_unaccented.tsv"))) ?? [:]
            var relevant: [String: [String: Int]] = [:]
            for (number, line) in try lines(qrels).enumerated() {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard fields.count == 4, let grade = Int(fields[3]) else {
                    throw BenchFailure(description: "\(qrels):\(number + 1): expected 'qid 0 docid relevance'")
                }
                if grade > 0 { relevant[fields[0], default: [:]][fields[2]] = grade }
            }
            let questions = accented.keys.sorted().compactMap { id -> Question? in
                guard let grades = relevant[id] else { return nil }
                return Question(id: id, text: accented[id]!, unaccented: unaccented[id], relevant: grades,
                                fold: Int(fnv1a(id) % UInt64(folds)))
            }
            return QADevSet(name: name, corpus: corpus, questions: questions)
        }
    }

    private static func lines(_ path: String) throws -> [Substring] {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchFailure(description: "cannot read \(path)") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private static func tsv(_ path: String) throws -> [String: String] {
        var rows: [String: String] = [:]
        for (number, line) in try lines(path).enumerated() {
            guard let tab = line.firstIndex(of: "\t") else {
                throw BenchFailure(description: "\(path):\(number + 1): expected 'qid<TAB>question'")
            }
            rows[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return rows
    }

    /// FNV-1a, so that folds do not depend on Swift's per-run hash seed.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }
}
