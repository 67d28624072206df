import Foundation
import LearningCities

/// A ranking system compared on the judged set.
enum RankingSystem: String, Codable, CaseIterable {
    /// Xapian QueryParser defaults (OR between words, no stemmer) on TermGenerator defaults.
    case baselineOr = "plain Xapian (OR)"
    /// The same with AND as the default operator.
    case baselineAnd = "plain Xapian (AND)"
    /// learncity's `Searcher`, as shipped.
    case learncity = "learncity"
    /// Ablation: learncity with `bigramWeight = 0` (no compound boost).
    case learncityNoBigrams = "learncity, bigramWeight 0"
}

/// How a query was typed.
enum QueryForm: String, Codable {
    /// As written in the judged set (Vietnamese with accents).
    case accented
    /// Vietnamese folded with `AccentFolder.fold` (case kept).
    case unaccented
}

/// One query run by one system.
struct QueryRun: Codable {
    var queryID: String
    var lang: String
    var heldout: Bool
    var form: QueryForm
    var system: RankingSystem
    var text: String
    var top: [String]
    var reciprocalRank: Double
    var ndcg: Double
    /// learncity's `accented` suggestion for an unaccented query, if any.
    var accentedSuggestion: String?
    var error: String?
}

/// Mean MRR@10 and nDCG@10 of one system on one subset of the queries.
struct MetricRow: Codable {
    var system: RankingSystem
    var subset: String
    var queries: Int
    var mrr: Double
    var ndcg: Double
    /// Queries that returned fewer than 10 documents (learncity: AND found fewer, and is relaxed to OR only on none).
    var shortLists: Int
}

/// A query learncity answers badly, with what it returned.
struct WeakQuery: Codable {
    var queryID: String
    var form: QueryForm
    var text: String
    var intent: String
    var ndcg: Double
    var reciprocalRank: Double
    var top3: [String]
    var bestJudged: [String]
}

/// A Vietnamese query scored differently with and without accents.
struct AccentLoss: Codable {
    var queryID: String
    var unaccented: String
    var accentedNDCG: Double
    var unaccentedNDCG: Double
}

/// Everything the judged-set part measured.
struct JudgedSetResult: Codable {
    var queries: Int
    var vietnamese: Int
    var english: Int
    var documents: Int
    /// Judged document ids absent from the corpus (they can never be found).
    var missingJudgedDocuments: [String]
    var rows: [MetricRow]
    /// learncity nDCG@10 on unaccented ÷ accented Vietnamese queries (goal ≥ 0.95).
    var learncityAccentShare: Double
    /// The same share for MRR@10.
    var learncityAccentShareMRR: Double
    /// The plain-Xapian (OR) nDCG share, for comparison.
    var baselineAccentShare: Double
    /// Vietnamese queries written with accents (the ones an `accented` suggestion can restore).
    var accentRestorable: Int
    /// Of those, typed without accents, the ones whose `accented` suggestion has
    /// the written query's words (case and punctuation ignored).
    var accentRestoredExactly: Int
    var accentRestorationMisses: [String]
    /// The 5 accented queries with the lowest learncity nDCG@10.
    var worstLearncity: [WeakQuery]
    /// Vietnamese queries whose learncity nDCG@10 changes without accents, biggest loss first.
    var accentChanges: [AccentLoss]
    var runs: [QueryRun]
}

/// Runs the judged queries through the baseline and learncity and scores them.
enum JudgedSetEvaluation {
    /// The subsets reported, in table order.
    static let subsets = ["all", "vi", "vi unaccented", "en", "all, vi unaccented", "en held-out"]

    static func run(queries: [JudgedQuery], learncityIndex: String, baselineIndex: String,
                    documentIDs: Set<String>) throws -> JudgedSetResult {
        let reader = try IndexReader(path: learncityIndex)
        let searcher = Searcher(index: reader)
        let noBigrams = Searcher(index: reader)
        noBigrams.bigramWeight = 0
        let baseline = BaselineRanker(index: baselineIndex)

        var runs: [QueryRun] = []
        for query in queries {
            var forms: [(QueryForm, String)] = [(.accented, query.query)]
            if query.isVietnamese { forms.append((.unaccented, AccentFolder.fold(query.query))) }
            for (form, text) in forms {
                for system in RankingSystem.allCases {
                    var top: [String] = []
                    var suggestion: String?
                    var failure: String?
                    do {
                        switch system {
                        case .baselineOr: top = try baseline.search(text, useAnd: false)
                        case .baselineAnd: top = try baseline.search(text, useAnd: true)
                        case .learncity, .learncityNoBigrams:
                            let response = try (system == .learncity ? searcher : noBigrams)
                                .search(SearchRequest(query: text, limit: RankingMetrics.depth))
                            top = response.results.map(\.id)
                            suggestion = response.accented
                        }
                    } catch {
                        failure = "\(error)"
                    }
                    runs.append(QueryRun(queryID: query.id, lang: query.lang, heldout: query.heldout ?? false,
                                         form: form, system: system, text: text,
                                         top: top,
                                         reciprocalRank: RankingMetrics.reciprocalRank(top, grades: query.relevant),
                                         ndcg: RankingMetrics.ndcg(top, grades: query.relevant),
                                         accentedSuggestion: suggestion, error: failure))
                }
            }
        }

        func members(_ subset: String, _ run: QueryRun) -> Bool {
            switch subset {
            case "all": return run.form == .accented
            case "vi": return run.lang == "vi" && run.form == .accented
            case "vi unaccented": return run.lang == "vi" && run.form == .unaccented
            case "en": return run.lang == "en"
            case "en held-out": return run.lang == "en" && run.heldout
            default: return run.lang == "en" || run.form == .unaccented
            }
        }
        var rows: [MetricRow] = []
        for system in RankingSystem.allCases {
            for subset in subsets {
                let chosen = runs.filter { $0.system == system && members(subset, $0) }
                rows.append(MetricRow(system: system, subset: subset, queries: chosen.count,
                                      mrr: RankingMetrics.mean(chosen.map(\.reciprocalRank)),
                                      ndcg: RankingMetrics.mean(chosen.map(\.ndcg)),
                                      shortLists: chosen.filter { $0.top.count < RankingMetrics.depth }.count))
            }
        }
        func row(_ system: RankingSystem, _ subset: String) -> MetricRow {
            rows.first { $0.system == system && $0.subset == subset }!
        }
        func share(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b : 0 }

        let byID = Dictionary(uniqueKeysWithValues: queries.map { ($0.id, $0) })
        let unaccentedLearncity = runs.filter { $0.system == .learncity && $0.form == .unaccented }
        var misses: [String] = []
        var restored = 0
        var restorable = 0
        // Compared word by word, case and punctuation ignored: `tp hcm` restores `TP.HCM`.
        func words(_ text: String) -> [String] {
            text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
        }
        for run in unaccentedLearncity {
            let written = byID[run.queryID]!.query
            guard AccentFolder.hasAccents(written) else { continue }
            restorable += 1
            if let suggestion = run.accentedSuggestion, words(suggestion) == words(written) {
                restored += 1
            } else {
                misses.append("\(run.queryID): '\(run.text)' → '\(run.accentedSuggestion ?? "(none)")' (written '\(written)')")
            }
        }
        let worst = runs.filter { $0.system == .learncity && $0.form == .accented }
            .sorted { ($0.ndcg, $0.queryID) < ($1.ndcg, $1.queryID) }
            .prefix(5)
            .map { run in
                let query = byID[run.queryID]!
                return WeakQuery(queryID: run.queryID, form: run.form, text: run.text, intent: query.intent,
                                 ndcg: run.ndcg, reciprocalRank: run.reciprocalRank, top3: Array(run.top.prefix(3)),
                                 bestJudged: query.relevant.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                                     .prefix(3).map { "\($0.key) (\($0.value))" })
            }
        let accentedNDCG = Dictionary(uniqueKeysWithValues: runs
            .filter { $0.system == .learncity && $0.form == .accented }.map { ($0.queryID, $0.ndcg) })
        let losses = unaccentedLearncity
            .map { AccentLoss(queryID: $0.queryID, unaccented: $0.text, accentedNDCG: accentedNDCG[$0.queryID] ?? 0,
                              unaccentedNDCG: $0.ndcg) }
            .filter { abs($0.accentedNDCG - $0.unaccentedNDCG) > 1e-9 }
            .sorted { ($0.unaccentedNDCG - $0.accentedNDCG, $0.queryID) < ($1.unaccentedNDCG - $1.accentedNDCG, $1.queryID) }
        let missing = Set(queries.flatMap { $0.relevant.keys }).subtracting(documentIDs).sorted()
        return JudgedSetResult(
            queries: queries.count,
            vietnamese: queries.filter(\.isVietnamese).count,
            english: queries.filter { !$0.isVietnamese }.count,
            documents: documentIDs.count,
            missingJudgedDocuments: missing,
            rows: rows,
            learncityAccentShare: share(row(.learncity, "vi unaccented").ndcg, row(.learncity, "vi").ndcg),
            learncityAccentShareMRR: share(row(.learncity, "vi unaccented").mrr, row(.learncity, "vi").mrr),
            baselineAccentShare: share(row(.baselineOr, "vi unaccented").ndcg, row(.baselineOr, "vi").ndcg),
            accentRestorable: restorable,
            accentRestoredExactly: restored,
            accentRestorationMisses: misses,
            worstLearncity: Array(worst),
            accentChanges: losses,
            runs: runs)
    }
}
