import ArgumentParser
import Foundation
import LearningCities

/// `learncity-bench recommend-quality`: partner recommendation on the
/// shipped corpus against a judged set of (source, partner, grade) pairs
/// graded by programme similarity (2 strong, 1 partial, 0 none): nDCG@5 and
/// the share of strong matches in the top 5, learncity next to a plain
/// tf-idf ranker, in the same run. Skips cleanly when the judged set is absent.
struct RecommendQualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend-quality",
        abstract: "Measure partner recommendation on the judged pairs: nDCG@5 and strong matches in the top 5, learncity vs plain tf-idf.")

    @Option(name: .long, help: "The learncity corpus folder the judged set refers to.")
    var corpus = "corpus"

    @Option(name: .long, help: "The judged pairs (JSONL: source, partner, grade).")
    var judged = "bench/recommend/judged-partners.jsonl"

    @Option(name: .long, help: "Folder for the index (default: a temporary folder, removed).")
    var workFolder: String?

    @Option(name: .long, help: "Also write each ranker's top --rankings-depth partners of every judged source here (JSONL: ranker, source, partners), for pooling new pairs to judge.")
    var rankings: String?

    @Option(name: .long, help: "Partners per source written to --rankings.")
    var rankingsDepth = 10

    /// The cut-off.
    static let depth = 5

    func run() throws {
        guard FileManager.default.fileExists(atPath: judged) else {
            print("RECOMMEND QUALITY: skipped, no judged set at \(judged)")
            return
        }
        var grades: [String: [String: Int]] = [:]
        var lineNumber = 0
        for line in try String(contentsOfFile: judged, encoding: .utf8).split(separator: "\n") {
            lineNumber += 1
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let source = object["source"] as? String, let partner = object["partner"] as? String,
                  let grade = object["grade"] as? Int else {
                throw BenchFailure(description: "\(judged):\(lineNumber): expected {\"source\", \"partner\", \"grade\"}")
            }
            grades[source, default: [:]][partner] = grade
        }
        let work = workFolder ?? (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("learncity-recommend-quality-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(atPath: work)
        defer { if workFolder == nil { try? FileManager.default.removeItem(atPath: work) } }
        log("indexing \(corpus)…")
        _ = try CorpusIndexer(corpusPath: corpus, indexPath: work).run()
        let reader = try IndexReader(path: work)
        let recommender = PartnerRecommender(index: reader)
        let baseline = try CityTFIDFRanker(reader: reader)

        var rows: [(name: String, ndcg: Double, strong: Double, vietnameseInVietnamese: Double)] = []
        var rankingLines: [String] = []
        let rankers: [(name: String, rank: (_ city: String, _ limit: Int) throws -> [String])] = [
            ("learncity", { city, limit in
                try recommender.recommend(RecommendRequest(city: city, limit: limit)).partners.map(\.id) }),
            ("tf-idf", { city, limit in baseline.partners(of: city, limit: limit) }),
        ]
        for (name, rankDeep) in rankers {
            var ndcgs: [Double] = [], strong = 0, slots = 0, vietnameseSlots = 0, vietnameseTop = 0
            for (source, judged) in grades.sorted(by: { $0.key < $1.key }) {
                let ranked = try rankDeep(source, Self.depth)
                if rankings != nil {
                    let deep = try rankDeep(source, rankingsDepth)
                    let line = try JSONSerialization.data(withJSONObject: ["ranker": name, "source": source, "partners": deep],
                                                          options: [.sortedKeys])
                    rankingLines.append(String(decoding: line, as: UTF8.self))
                }
                ndcgs.append(RankingMetrics.ndcg(ranked, grades: judged, depth: Self.depth))
                strong += ranked.filter { judged[$0] == 2 }.count
                slots += Self.depth
                if source.hasPrefix("vn-") {
                    vietnameseSlots += Self.depth
                    vietnameseTop += ranked.filter { $0.hasPrefix("vn-") }.count
                }
            }
            rows.append((name, RankingMetrics.mean(ndcgs), Double(strong) / Double(max(slots, 1)),
                         Double(vietnameseTop) / Double(max(vietnameseSlots, 1))))
        }
        if let rankings {
            try (rankingLines.joined(separator: "\n") + "\n").write(toFile: rankings, atomically: true, encoding: .utf8)
        }
        print("RECOMMEND QUALITY on \(grades.count) source cities, \(grades.values.map(\.count).reduce(0, +)) judged pairs (unjudged = 0):")
        for row in rows {
            print(String(format: "  %-10@ nDCG@5 %.3f   strong matches in top 5 %.1f %%   Vietnamese cities in a Vietnamese member's top 5 %.1f %%",
                         row.name as NSString, row.ndcg, row.strong * 100, row.vietnameseInVietnamese * 100))
        }
    }
}
