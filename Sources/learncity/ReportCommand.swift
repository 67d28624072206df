import ArgumentParser
import Foundation
import LearncityReport
import LearningCities

/// `learncity report`: one self-contained HTML page about a city's partners, with a map.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML partner report for a city: a map of its partners, the reasons, the theme matrix, its programmes.",
        discussion: """
            The page is one self-contained file (inline CSS and SVG, no script, no font or tile to fetch): it \
            opens from a USB stick and can be sent by e-mail. Labels are in Vietnamese or English (--lang; \
            default: Vietnamese for Vietnamese cities).
            Examples:
              learncity report "Sơn La"
              learncity report --lang en --limit 8 --out son-la.html son la
            """)

    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: ArgumentHelp("The HTML file to write (default: report-<city id>.html; - for standard output).", valueName: "file"))
    var out: String?

    @Option(name: .long, help: ArgumentHelp("Language of the page: vi or en.", valueName: "lang"))
    var lang: ReportLanguage?

    @Option(name: .long, help: "Number of partners (1 to 20).")
    var limit = 6

    @Argument(help: "The city (id, name or alias).")
    var city: [String] = []

    func validate() throws {
        guard (1...20).contains(limit) else { throw ValidationError("--limit must be between 1 and 20") }
        guard !city.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("name a city, e.g. learncity report \"Sơn La\"") }
    }

    func run() throws {
        let reader = try location.open()
        let name = city.joined(separator: " ")
        let command = (["learncity", "report"] + CommandLine.arguments.dropFirst(2)).joined(separator: " ")
        let report = try PartnerReportBuilder(index: reader).build(city: name, language: lang, limit: limit, command: command)
        let html = PartnerReportPage(report: report).render()
        try HTMLFileWriter.write(html, to: out ?? "report-\(report.city.id).html")
    }
}

extension ReportLanguage: ExpressibleByArgument {}
