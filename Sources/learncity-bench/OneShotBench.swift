import Foundation

/// Process wall time of one-shot searches: `learncity search` against
/// Xapian's own `quest`, medians of N runs over N different queries.
struct OneShotResult: Codable {
    var runs: Int
    /// Median wall ms of `learncity search --index <learncity index> --limit 10 <query>`.
    var learncityMedianMs: Double?
    /// Median wall ms of `quest -d <baseline index> -m 10 <query>`.
    var questBaselineMedianMs: Double?
    /// Median wall ms of `quest -d <learncity index> -m 10 <query>` (quest on learncity's own index).
    var questLearncityIndexMedianMs: Double?
    /// learncity ÷ quest on the baseline index (target ≤ 2).
    var ratio: Double?
    /// Median wall ms of `learncity --help` (process start alone).
    var learncityHelpMedianMs: Double?
    /// Median wall ms of `quest --help`.
    var questHelpMedianMs: Double?
    var note: String?
}

enum OneShotBench {
    static func run(tools: BenchTools, learncityIndex: String, baselineIndex: String, queries: [BenchQuery],
                    runs: Int) -> OneShotResult {
        let texts = queries.filter { $0.kind == .words }.prefix(runs).map(\.text)
        var result = OneShotResult(runs: texts.count)
        var notes: [String] = []
        if let learncity = tools.learncity {
            result.learncityMedianMs = median(texts.map { text in
                _ = try? ProcessRunner.run(learncity, ["search", "--index", learncityIndex, "--limit", "10", text],
                                           captureOutput: false)  // warm the page cache for this query
                return (try? ProcessRunner.run(learncity, ["search", "--index", learncityIndex, "--limit", "10", text],
                                               captureOutput: false).seconds) ?? .nan
            })
        } else {
            notes.append("no learncity binary next to the bench (build with `swift build -c release`)")
        }
        if let quest = tools.quest {
            func questMedian(_ index: String) -> Double {
                median(texts.map { text in
                    _ = try? ProcessRunner.run(quest, ["-d", index, "-m", "10", text], captureOutput: false)
                    return (try? ProcessRunner.run(quest, ["-d", index, "-m", "10", text], captureOutput: false).seconds) ?? .nan
                })
            }
            result.questBaselineMedianMs = questMedian(baselineIndex)
            result.questLearncityIndexMedianMs = questMedian(learncityIndex)
        } else {
            notes.append("no quest (apt-get install xapian-tools)")
        }
        func helpMedian(_ executable: String) -> Double {
            median((0..<max(texts.count, 1)).map { _ in
                (try? ProcessRunner.run(executable, ["--help"], captureOutput: false).seconds) ?? .nan
            })
        }
        if let learncity = tools.learncity { result.learncityHelpMedianMs = helpMedian(learncity) }
        if let quest = tools.quest { result.questHelpMedianMs = helpMedian(quest) }
        if let mine = result.learncityMedianMs, let floor = result.questBaselineMedianMs, floor > 0 {
            result.ratio = mine / floor
        }
        result.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        return result
    }

    static func median(_ seconds: [Double]) -> Double {
        let sorted = seconds.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[sorted.count / 2] * 1000
    }
}
