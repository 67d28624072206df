import ArgumentParser
import Foundation
import JSONRPC
import LearningCities

/// `learncity compact`: merge the shards into one optimised database.
struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Merge the index's shards into one optimised database (Xapian's compactor), swapped in atomically.",
        discussion: """
            Readers keep working: those already open go on reading the old files, new ones open the compacted \
            database. A sharded index stays a folder with index.stub, now naming one database; a plain index \
            folder is compacted in place. Writers are locked out while it runs.
            """)

    @OptionGroup var location: IndexLocationOptions

    @Flag(name: .long, help: "Print the summary as JSON.")
    var json = false

    func run() throws {
        let summary = try IndexCompactor(indexPath: location.path).run()
        if json {
            print(try JSONOutput.string(summary))
            return
        }
        func size(_ bytes: Int) -> String { ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file) }
        print("Compacted \(summary.index): \(summary.shardsMerged) database\(summary.shardsMerged == 1 ? "" : "s") into one, "
              + "\(summary.documents) documents, \(size(summary.bytesBefore)) → \(size(summary.bytesAfter)); "
              + String(format: "%.2f s", summary.seconds))
    }
}
