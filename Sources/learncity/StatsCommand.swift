import ArgumentParser
import Foundation
import JSONRPC
import LearningCities

/// `learncity stats`: what the index holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Document counts by type, language and country; cities; index size.")

    @OptionGroup var location: IndexLocationOptions

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let statistics = try IndexStatistics.read(from: try location.open())
        if json {
            print(try JSONOutput.string(statistics))
            return
        }
        func line(_ counts: [String: Int]) -> String {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        print("""
            index:     \(statistics.index) (\(ByteCountFormatter.string(fromByteCount: Int64(statistics.indexBytes), countStyle: .file)))
            documents: \(statistics.documents)
            by type:   \(line(statistics.byType))
            by lang:   \(line(statistics.byLang))
            cities:    \(statistics.cities) (\(statistics.citiesWithDocuments) with documents)
            status:    \(line(statistics.citiesByStatus))
            joined:    \(statistics.membersByYear.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            countries: \(line(statistics.byCountry))
            """)
    }
}
