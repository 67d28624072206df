import Foundation

/// Everything one quality run measured; written as JSON and printed as tables.
struct QualityReport: Codable {
    var date: String
    var command: String
    var judged: JudgedSetResult?
    var qa: QAResult?
    var moreLikeThis: MoreLikeThisResult?

    func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    func table() -> String {
        var lines: [String] = []
        if let judged { lines += judgedTable(judged) }
        if let qa { lines += qaTable(qa) }
        if let m = moreLikeThis { lines += moreLikeThisTable(m) }
        return lines.joined(separator: "\n")
    }

    private func f(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
    private func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    func qaTable(_ qa: QAResult) -> [String] {
        var lines = ["", "QUESTION SETS (\(qa.sets.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) questions; "
            + "folds 0-2 tune, 3-4 held out): MRR@10 / nDCG@10 / Recall@100"]
        let groups = ["tuning folds", "held-out folds", "all"]
        lines.append(pad("set, system", 40) + groups.map { lpad($0, 26) }.joined())
        var keys: [String] = []
        for row in qa.rows {
            let key = "\(row.set)|\(row.form)|\(row.system)"
            if !keys.contains(key) { keys.append(key) }
        }
        for key in keys {
            let parts = key.split(separator: "|").map(String.init)
            let cells = groups.map { group -> String in
                guard let row = qa.rows.first(where: { $0.set == parts[0] && $0.form == parts[1] && $0.system == parts[2] && $0.folds == group })
                else { return lpad("-", 26) }
                return lpad("\(f(row.score.mrr)) / \(f(row.score.ndcg)) / \(f(row.score.recall100))", 26)
            }
            lines.append(pad("\(parts[0]) \(parts[1]), \(parts[2])", 40) + cells.joined())
        }
        if let tuned = qa.tuned {
            lines.append("tuned on folds 0-2: " + tuned.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        return lines
    }

    func judgedTable(_ j: JudgedSetResult) -> [String] {
        var lines: [String] = []
        lines.append("JUDGED SET: \(j.queries) queries (\(j.vietnamese) vi with accents, each also typed without; \(j.english) en), "
            + "\(j.documents) documents")
        if !j.missingJudgedDocuments.isEmpty {
            lines.append("warning: \(j.missingJudgedDocuments.count) judged ids are not in the corpus: "
                + j.missingJudgedDocuments.prefix(5).joined(separator: ", "))
        }
        let subsets = JudgedSetEvaluation.subsets
        for (title, metric) in [("MRR@10", \MetricRow.mrr), ("nDCG@10", \MetricRow.ndcg)] {
            lines.append("")
            lines.append(pad(title, 28) + subsets.map { lpad("\($0)", 20) }.joined())
            for system in RankingSystem.allCases {
                let cells = subsets.map { subset -> String in
                    let row = j.rows.first { $0.system == system && $0.subset == subset }!
                    return lpad("\(f(row[keyPath: metric])) (\(row.queries))", 20)
                }
                lines.append(pad(system.rawValue, 28) + cells.joined())
            }
        }
        lines.append("")
        lines.append(pad("queries with < 10 results", 28) + subsets.map { lpad($0, 20) }.joined())
        for system in RankingSystem.allCases {
            lines.append(pad(system.rawValue, 28) + subsets.map { subset -> String in
                let row = j.rows.first { $0.system == system && $0.subset == subset }!
                return lpad("\(row.shortLists) of \(row.queries)", 20)
            }.joined())
        }
        lines.append("")
        lines.append("share kept without accents (learncity nDCG@10 vi unaccented / vi): \(percent(j.learncityAccentShare)) "
            + "(goal ≥ 95%: \(j.learncityAccentShare >= 0.95 ? "met" : "NOT met")); MRR@10: \(percent(j.learncityAccentShareMRR)); "
            + "plain Xapian (OR): \(percent(j.baselineAccentShare))")
        lines.append("accent restoration: \(j.accentRestoredExactly) of \(j.accentRestorable) vi queries typed without accents get "
            + "the written words back as `accented` (case and punctuation ignored)")
        for miss in j.accentRestorationMisses { lines.append("  " + miss) }
        lines.append("")
        lines.append("5 WORST ACCENTED QUERIES FOR LEARNCITY (nDCG@10, RR)")
        for weak in j.worstLearncity {
            lines.append("  \(weak.queryID) '\(weak.text)': nDCG \(f(weak.ndcg)), RR \(f(weak.reciprocalRank)); "
                + "top 3: \(weak.top3.joined(separator: ", ")); best judged: \(weak.bestJudged.joined(separator: ", "))")
        }
        if !j.accentChanges.isEmpty {
            lines.append("")
            lines.append("VI QUERIES WHOSE LEARNCITY nDCG@10 CHANGES WITHOUT ACCENTS (accented → unaccented)")
            for change in j.accentChanges {
                lines.append("  \(change.queryID) '\(change.unaccented)': \(f(change.accentedNDCG)) → \(f(change.unaccentedNDCG))")
            }
        }
        let failures = j.runs.filter { $0.error != nil }
        if !failures.isEmpty {
            lines.append("")
            lines.append("\(failures.count) runs failed:")
            for run in failures.prefix(10) { lines.append("  \(run.system.rawValue) \(run.queryID) \(run.form.rawValue): \(run.error!)") }
        }
        return lines
    }

    func moreLikeThisTable(_ m: MoreLikeThisResult) -> [String] {
        var lines: [String] = []
        do {
            lines.append("")
            lines.append("VNTC MORE LIKE THIS: \(m.sampled) of \(m.documents) documents sampled (\(m.topics) topics, seed \(m.seed)); "
                + "\(m.duplicateTexts) texts occur more than once (\(m.duplicateTextsAcrossTopics) under several topics), "
                + "\(m.sampledWithDuplicates) sampled documents have a duplicate")
            lines.append(pad("share of top 10 on topic", 28) + lpad("as is", 14) + lpad("without dups", 14) + lpad("short lists", 13))
            for (name, share) in [("learncity", m.learncity), ("plain Xapian", m.baseline)] {
                lines.append(pad(name, 28) + lpad(percent(share.meanShare), 14) + lpad(percent(share.meanShareWithoutDuplicates), 14)
                    + lpad("\(share.shortLists)", 13) + (share.failures.isEmpty ? "" : "  \(share.failures.count) failed"))
            }
            for variant in m.variants {
                lines.append(pad("  diag: " + variant.variant.rawValue, 40) + lpad(percent(variant.meanShare), 8)
                    + (variant.failures == 0 ? "" : "  \(variant.failures) failed"))
            }
            lines.append("")
            lines.append(pad("topic", 22) + lpad("n", 4) + lpad("learncity", 11) + lpad("plain", 9) + lpad("lc no dups", 12) + lpad("plain no dups", 15))
            for row in m.perTopic {
                lines.append(pad(row.topic, 22) + lpad("\(row.sampled)", 4) + lpad(percent(row.learncity), 11)
                    + lpad(percent(row.baseline), 9) + lpad(percent(row.learncityWithoutDuplicates), 12)
                    + lpad(percent(row.baselineWithoutDuplicates), 15))
            }
            lines.append("indexing seconds: learncity \(f(m.learncityIndexSeconds, 1)), plain Xapian \(f(m.baselineIndexSeconds, 1))")
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
