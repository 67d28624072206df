import ArgumentParser
import Foundation
import LearningCities

/// `--index`, with the LEARNCITY_INDEX and ./index defaults, shared by every
/// command that reads the index.
struct IndexLocationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Index folder or Xapian stub file (default: $LEARNCITY_INDEX or ./index).", valueName: "dir"))
    var index: String?

    @Flag(name: .long, help: "With a sharded index: answer from the shards that are up, marking the results partial, instead of failing when one is down.")
    var allowPartial = false

    /// The index path in force.
    var path: String { index ?? Self.defaultIndex }

    /// True when neither --index nor LEARNCITY_INDEX chose the path.
    var isDefault: Bool { index == nil && ProcessInfo.processInfo.environment["LEARNCITY_INDEX"] == nil }

    static var defaultIndex: String { ProcessInfo.processInfo.environment["LEARNCITY_INDEX"] ?? "./index" }
    static var defaultCorpus: String { ProcessInfo.processInfo.environment["LEARNCITY_CORPUS"] ?? "./corpus" }

    /// Opens the index; the default index is first built from the default
    /// corpus when it does not exist yet.
    func open() throws -> IndexReader {
        if isDefault, !IndexReader.exists(at: path) {
            Terminal.standardError.write("learncity: no index at \(path) yet; building it from \(Self.defaultCorpus) first\n")
            let summary = try IndexRun(corpus: Self.defaultCorpus, index: path, strict: false).run()
            Terminal.standardError.write("learncity: indexed \(summary.documents) documents in \(String(format: "%.1f", summary.seconds)) s\n")
        }
        return try IndexReader(path: path, shardOptions: ShardOptions(allowPartial: allowPartial))
    }
}
