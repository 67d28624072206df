import ArgumentParser
import Foundation
import JSONRPC
import LearningCities

/// `learncity index`: build or refresh the index from a corpus folder.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or refresh the Xapian index from a corpus folder.",
        discussion: """
            A new index is written by --jobs writers in parallel and merged into one database. An existing \
            index is refreshed in place: changed documents are replaced, vanished ones removed, unchanged ones \
            skipped, all in one Xapian transaction: until it commits, readers see the previous index, and an \
            interrupted run leaves it intact. Corpus problems are reported as file:line: reason and skipped.
            """)

    @Option(name: .long, help: ArgumentHelp("Corpus folder (default: $LEARNCITY_CORPUS or ./corpus).", valueName: "dir"))
    var corpus: String?

    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: ArgumentHelp("Write N shard databases in parallel (INDEX/shard-000…, listed in INDEX/index.stub); documents go to shards by a hash of their id.", valueName: "n"))
    var shards: Int?

    @Option(name: .long, help: ArgumentHelp("Writers for a new index (default: the number of cores): N partial databases written in parallel, then merged into one with Xapian's compactor.", valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Treat any corpus problem as fatal, before anything is written.")
    var strict = false

    @Flag(name: .long, help: "Build the index afresh beside the old one and swap it in (for a damaged index, or to start clean).")
    var rebuild = false

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    func validate() throws {
        if let shards, !(1...256).contains(shards) { throw ValidationError("--shards must be between 1 and 256") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256") }
    }

    func run() throws {
        let corpusPath = corpus ?? IndexLocationOptions.defaultCorpus
        let summary: IndexSummary
        do {
            summary = try IndexRun(corpus: corpusPath, index: location.path, strict: strict, shards: shards, jobs: jobs, rebuild: rebuild).run()
        } catch CorpusError.strict(let issues) {
            throw CommandFailure(description: "--strict: \(issues.count) corpus problem\(issues.count == 1 ? "" : "s") (listed above); the index was not changed")
        }
        if json {
            print(try JSONOutput.string(summary))
        } else {
            print("""
                Indexed \(location.path) from \(corpusPath): \(summary.documents) documents, \(summary.cities) cities
                  \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged, \
                \(summary.removed) removed, \(summary.skipped) skipped; \(String(format: "%.2f", summary.seconds)) s
                """)
        }
    }
}
