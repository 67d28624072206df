import Foundation

/// Everything one quality run measured; written as JSON and printed as tables.
struct QualityReport: Codable {
    var date: String
    var command: String
    var judged: JudgedSetResult
    var moreLikeThis: MoreLikeThisResult?

    func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    func table() -> String {
        func f(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        var lines: [String] = []
        let j = judged
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
        if let m = moreLikeThis {
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
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
