import ArgumentParser
import Foundation
import JSONRPC
import LearningCities

/// `learncity recommend`: partner cities with similar lifelong-learning programmes.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend partner cities with similar lifelong-learning programmes, with the reasons.",
        discussion: """
            CITY is a city id, name or alias, accents and case optional (son la, Sơn La, vn-son-la, TP.HCM). \
            With --text, recommends partners for a city described in free text instead (e.g. a city preparing \
            its GNLC application). Each partner comes with a score on 0…1 (not rescaled: a weak best match \
            is reported as weak), the programme concepts and distinguishing themes it shares with the city, \
            other shared words, and the city's initiatives paired with the partner's. --lang vi|en chooses \
            the language of the reasons (default: the city's).
            Examples:
              learncity recommend "Sơn La"
              learncity recommend --other-countries --theme literacy son la
              learncity recommend --text "Lễ hội học tập hằng năm cho mọi lứa tuổi, thư viện lưu động"
            """)

    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: "Number of partners (at most 100).")
    var limit = 5

    @Flag(name: .long, help: "Only partners in other countries than the city's.")
    var otherCountries = false

    @Option(name: .long, help: ArgumentHelp("Only partners in this country (ISO code, e.g. DE).", valueName: "cc"))
    var country: String?

    @Option(name: .long, help: ArgumentHelp("Only partners in this UNESCO region (name or slug).", valueName: "region"))
    var region: String?

    @Option(name: .long, help: ArgumentHelp("Focus on one theme (id or name, e.g. literacy).", valueName: "theme"))
    var theme: String?

    @Option(name: .long, help: ArgumentHelp("Language of the reasons: vi or en (default: the city's).", valueName: "lang"))
    var lang: String?
    @Flag(name: .long, help: "Also offer cities that are not GNLC members (applicants, former, unconfirmed).")
    var includeNonMembers = false

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Describe a city's programmes instead of naming a city.", valueName: "text"))
    var text: String?

    @Argument(help: "The city (id, name or alias).")
    var city: [String] = []

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let name = city.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty, text == nil { throw RecommendError.missingSource }
        if !name.isEmpty, text != nil { throw RecommendError.cityAndText }
        let reader = try location.open()
        let request = RecommendRequest(city: name.isEmpty ? nil : name, text: text, limit: limit,
                                       otherCountries: otherCountries, country: country, region: region, theme: theme,
                                       includeNonMembers: includeNonMembers, lang: lang)
        let response = try PartnerRecommender(index: reader).recommend(request)
        if json {
            print(try JSONOutput.string(response))
        } else {
            print(RecommendRenderer(themes: reader.themes, color: Terminal.stdoutWantsColor)
                .render(response), terminator: "")
        }
    }
}
