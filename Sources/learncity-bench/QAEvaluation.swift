import Foundation
import LearningCities
import XapianBaseline

/// MRR@10, nDCG@10 and Recall@100 of one system on some questions.
struct QAScore: Codable {
    var queries: Int
    var mrr: Double
    var ndcg: Double
    var recall100: Double
}

/// One line of the question-set table.
struct QARow: Codable {
    var set: String
    var system: String
    /// `accented` or `unaccented`.
    var form: String
    /// `tuning folds`, `held-out folds` or `all`.
    var folds: String
    var score: QAScore
}

/// Everything the question-set part measured.
struct QAResult: Codable {
    var sets: [String: Int]
    var rows: [QARow]
    /// The policy found on the tuning folds (nil without `--tune`).
    var tuned: [String: Double]?
    /// Each tuning step: parameter=value → objective on the tuning folds.
    var tuningLog: [String]
}

/// Scores learncity and plain Xapian on the development question sets
/// (`../shared/data/qa-dev`), with and without accents, split into folds:
/// parameters are tuned on folds 0–2 only and reported on folds 3–4.
enum QAEvaluation {
    /// Ranked documents looked at (Recall@100).
    static let depth = 100

    /// An indexed set.
    struct Indexed {
        var set: QADevSet
        var searcher: Searcher
        var baseline: BaselineRanker
    }

    static func run(folder: String, work: String, sample: Int, tune: Bool, log: (String) -> Void) throws -> QAResult? {
        var sets = try QADevSet.load(folder: folder)
        if sample > 0 {
            // Every k-th question (in id order), so that every fold keeps its share.
            for index in sets.indices where sets[index].questions.count > sample {
                let step = Double(sets[index].questions.count) / Double(sample)
                sets[index].questions = (0..<sample).map { sets[index].questions[Int(Double($0) * step)] }
            }
        }
        guard !sets.isEmpty else { return nil }
        var indexed: [Indexed] = []
        for set in sets {
            let folderPath = (work as NSString).appendingPathComponent("qa-\(set.name)")
            try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
            let prepared = try BenchCorpus.flatten(folder: set.corpus, work: folderPath, maxDocuments: nil)
            let learncityIndex = (folderPath as NSString).appendingPathComponent("index-learncity")
            let baselineIndex = (folderPath as NSString).appendingPathComponent("index-baseline")
            log("qa \(set.name): \(prepared.documents) documents, \(set.questions.count) questions; indexing…")
            _ = try CorpusIndexer(corpusPath: set.corpus, indexPath: learncityIndex).run()
            var result = xb_index_result()
            guard xb_index_jsonl(prepared.flatPath, baselineIndex, &result) == 0 else {
                throw BenchFailure(description: "baseline indexing of \(set.name) failed")
            }
            let searcher = Searcher(index: try IndexReader(path: learncityIndex))
            indexed.append(Indexed(set: set, searcher: searcher, baseline: BaselineRanker(index: baselineIndex)))
        }

        var tuningLog: [String] = []
        var tuned: [String: Double]?
        let shipped = RankingPolicy()
        var best = shipped
        if tune {
            (best, tuningLog) = try Self.tune(indexed, from: shipped, log: log)
            tuned = describe(best)
        }

        var rows: [QARow] = []
        let foldGroups: [(String, (Int) -> Bool)] = [
            ("tuning folds", { QADevSet.tuningFolds.contains($0) }),
            ("held-out folds", { !QADevSet.tuningFolds.contains($0) }),
            ("all", { _ in true }),
        ]
        var systems: [(String, RankingPolicy?)] = [("plain Xapian (OR)", nil), ("learncity", shipped)]
        if tune, best != shipped { systems.append(("learncity, tuned here", best)) }
        for entry in indexed {
            for form in ["accented", "unaccented"] {
                for (system, policy) in systems {
                    let runs = try score(entry, form: form, policy: policy, questions: entry.set.questions)
                    for (label, member) in foldGroups {
                        let chosen = zip(entry.set.questions, runs).filter { member($0.0.fold) }.map(\.1)
                        rows.append(QARow(set: entry.set.name, system: system, form: form, folds: label, score: mean(chosen)))
                    }
                }
            }
        }
        return QAResult(sets: Dictionary(uniqueKeysWithValues: indexed.map { ($0.set.name, $0.set.questions.count) }),
                        rows: rows, tuned: tuned, tuningLog: tuningLog)
    }

    /// Per-question scores of one system (`policy` nil: plain Xapian).
    static func score(_ entry: Indexed, form: String, policy: RankingPolicy?,
                      questions: [QADevSet.Question]) throws -> [QAScore] {
        if let policy { entry.searcher.ranking = policy }
        return try questions.map { question in
            let text = form == "accented" ? question.text : (question.unaccented ?? AccentFolder.fold(question.text))
            var ranked: [String] = []
            if policy == nil {
                ranked = (try? entry.baseline.search(text, useAnd: false, limit: depth)) ?? []
            } else {
                do {
                    ranked = try entry.searcher.search(SearchRequest(query: text, limit: depth, facets: false, snippets: false)).results.map(\.id)
                } catch is SearchError {
                    ranked = []  // refused (nothing searchable, or a query the parser rejects): no answer
                }
            }
            return QAScore(queries: 1, mrr: RankingMetrics.reciprocalRank(ranked, grades: question.relevant),
                           ndcg: RankingMetrics.ndcgLinear(ranked, grades: question.relevant),
                           recall100: RankingMetrics.recall(ranked, grades: question.relevant, depth: depth))
        }
    }

    static func mean(_ scores: [QAScore]) -> QAScore {
        QAScore(queries: scores.count, mrr: RankingMetrics.mean(scores.map(\.mrr)),
                ndcg: RankingMetrics.mean(scores.map(\.ndcg)), recall100: RankingMetrics.mean(scores.map(\.recall100)))
    }

    /// The parameters tuned, with the values tried (coordinate ascent, two passes).
    static let grid: [(name: String, values: [Double], keyPath: WritableKeyPath<RankingPolicy, Double> & Sendable)] = [
        ("coordination", [0, 0.25, 0.5, 1, 2], \.coordination),
        ("questionWeight", [0, 0.2, 0.5], \.questionWeight),
        ("k1", [0.8, 1.2, 1.6], \.k1),
        ("b", [0.3, 0.5, 0.75], \.b),
        ("exactWeight", [0.5, 1, 2], \.exactWeight),
        ("bigramWeight", [0, 0.5, 1], \.bigramWeight),
    ]

    /// The objective: mean MRR@10 over sets and both forms, tuning folds only.
    static func objective(_ indexed: [Indexed], _ policy: RankingPolicy) throws -> Double {
        var values: [Double] = []
        for entry in indexed {
            let questions = entry.set.questions.filter { QADevSet.tuningFolds.contains($0.fold) }
            for form in ["accented", "unaccented"] {
                values.append(mean(try score(entry, form: form, policy: policy, questions: questions)).mrr)
            }
        }
        return RankingMetrics.mean(values)
    }

    static func tune(_ indexed: [Indexed], from start: RankingPolicy,
                     log: (String) -> Void) throws -> (RankingPolicy, [String]) {
        var best = start
        var bestScore = try objective(indexed, best)
        var lines = ["start \(describe(best)) → \(String(format: "%.4f", bestScore))"]
        log(lines[0])
        for pass in 1...1 {
            for parameter in grid {
                for value in parameter.values where value != best[keyPath: parameter.keyPath] {
                    var candidate = best
                    candidate[keyPath: parameter.keyPath] = value
                    let score = try objective(indexed, candidate)
                    let line = "pass \(pass) \(parameter.name)=\(value) → \(String(format: "%.4f", score))"
                    lines.append(line)
                    log(line)
                    if score > bestScore + 1e-4 {
                        best = candidate
                        bestScore = score
                    }
                }
            }
        }
        lines.append("best \(describe(best)) → \(String(format: "%.4f", bestScore))")
        log(lines.last!)
        return (best, lines)
    }

    static func describe(_ policy: RankingPolicy) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: grid.map { ($0.name, policy[keyPath: $0.keyPath]) })
    }
}
