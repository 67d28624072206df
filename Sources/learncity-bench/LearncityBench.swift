import ArgumentParser
import Foundation

/// `learncity-bench`: learncity side by side with plain Xapian on one corpus,
/// in one run, on one machine.
@main
struct LearncityBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learncity-bench",
        abstract: "Benchmark learncity against a plain-Xapian baseline (indexing, search, one-shot CLI).",
        subcommands: [BenchRunCommand.self, ChildIndexCommand.self, AnalysisDumpCommand.self, QualityCommand.self,
                      RecommendQualityCommand.self, ServeThroughputCommand.self],
        defaultSubcommand: BenchRunCommand.self
    )
}
