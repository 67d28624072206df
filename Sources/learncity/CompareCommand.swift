import ArgumentParser
import Foundation
import JSONRPC
import LearningCities

/// `learncity compare`: what two cities' programmes share and where they differ.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two cities' lifelong-learning programmes: shared and different concepts and themes, paired initiatives.",
        discussion: """
            For an officer who already has a candidate partner. Cities are ids, names or aliases, accents and case optional. \
            The score is the one recommend gives the second city for the first.
            Examples:
              learncity compare "Sơn La" Nilambur
              learncity compare --lang en vn-da-nang Suwon --json
            """)

    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: ArgumentHelp("Language of labels: vi or en (default: the first city's).", valueName: "lang"))
    var lang: String?

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @Argument(help: "The first city.")
    var cityA: String

    @Argument(help: "The second city.")
    var cityB: String

    func run() throws {
        let reader = try location.open()
        let comparison = try PartnerRecommender(index: reader).compare(CompareRequest(a: cityA, b: cityB, lang: lang))
        if json {
            print(try JSONOutput.string(comparison))
        } else {
            print(CompareRenderer(themes: reader.themes).render(comparison), terminator: "")
        }
    }
}
