import Foundation

/// Rank-based quality of one ranked list of document ids against graded
/// judgments (grade 1...3; unjudged documents count as not relevant).
enum RankingMetrics {
    /// The cut-off of both measures.
    static let depth = 10

    /// 1 / rank of the first judged document within the top `depth`, else 0.
    static func reciprocalRank(_ ranked: [String], grades: [String: Int], depth: Int = depth) -> Double {
        for (offset, id) in ranked.prefix(depth).enumerated() where (grades[id] ?? 0) > 0 {
            return 1 / Double(offset + 1)
        }
        return 0
    }

    /// nDCG@`depth`: DCG with gains 2^grade − 1 and discount log2(rank + 1),
    /// divided by the DCG of the judged documents sorted by grade.
    static func ndcg(_ ranked: [String], grades: [String: Int], depth: Int = depth) -> Double {
        let ideal = dcg(grades.values.sorted(by: >).prefix(depth).map { $0 })
        guard ideal > 0 else { return 0 }
        return dcg(ranked.prefix(depth).map { grades[$0] ?? 0 }) / ideal
    }

    /// nDCG@`depth` with linear gains (the grade itself), as TREC-style
    /// question sets are scored.
    static func ndcgLinear(_ ranked: [String], grades: [String: Int], depth: Int = depth) -> Double {
        func dcg(_ gains: [Int]) -> Double {
            gains.enumerated().reduce(0) { $0 + Double(max($1.element, 0)) / log2(Double($1.offset + 2)) }
        }
        let ideal = dcg(grades.values.sorted(by: >).prefix(depth).map { $0 })
        guard ideal > 0 else { return 0 }
        return dcg(ranked.prefix(depth).map { grades[$0] ?? 0 }) / ideal
    }

    /// Share of the relevant documents found in the top `depth`.
    static func recall(_ ranked: [String], grades: [String: Int], depth: Int) -> Double {
        let relevant = grades.filter { $0.value > 0 }
        guard !relevant.isEmpty else { return 0 }
        return Double(ranked.prefix(depth).filter { (relevant[$0] ?? 0) > 0 }.count) / Double(relevant.count)
    }

    /// Discounted cumulative gain of grades in rank order.
    static func dcg(_ gradesInRankOrder: [Int]) -> Double {
        gradesInRankOrder.enumerated().reduce(0) { sum, item in
            sum + gain(item.element) / log2(Double(item.offset + 2))
        }
    }

    /// The gain of a grade: 2^grade − 1 (0 for 0).
    static func gain(_ grade: Int) -> Double { pow(2, Double(max(grade, 0))) - 1 }

    /// Mean of `values` (0 for none).
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
