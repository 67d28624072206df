import ArgumentParser
import Foundation
import LearncityReport
import LearningCities

/// `learncity map`: the whole network on one HTML map.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Write an HTML map of the network: every city, coloured by UNESCO region, sized by its number of programmes.",
        discussion: """
            Examples:
              learncity map
              learncity map --country VN --out vn.html
              learncity map --theme literacy
            """)

    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: ArgumentHelp("The HTML file to write (default: map.html; - for standard output).", valueName: "file"))
    var out = "map.html"

    @Option(name: .long, help: ArgumentHelp("Only this country (ISO code, e.g. VN).", valueName: "cc"))
    var country: String?

    @Option(name: .long, help: ArgumentHelp("Only cities with programmes on this theme (id or name).", valueName: "theme"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Language of the page: vi or en.", valueName: "lang"))
    var lang: ReportLanguage = .en

    func run() throws {
        let reader = try location.open()
        let command = (["learncity", "map"] + CommandLine.arguments.dropFirst(2)).joined(separator: " ")
        let map = try NetworkMap.build(index: reader, country: country, theme: theme, language: lang, command: command)
        try HTMLFileWriter.write(map.render(), to: out)
    }
}
