import ArgumentParser
import Foundation
import JSONRPC
import LearningCities

/// `learncity search`: ranked full-text search with snippets and facets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index (accents optional).",
        discussion: """
            Query syntax (Xapian): words (AND by default; OR when nothing has every word), "quoted phrases", \
            AND OR NOT, -word, wildcards (hoc*), year ranges (2020..2024) and filters: type:news country:VN \
            city:vn-son-la lang:vi theme:literacy year:2024.
            Examples:
              learncity search "hoc tap suot doi"
              learncity search --country VN --type news "thành phố học tập"
              learncity search '"learning festival" city:ie-cork'
            """)

    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: "Number of results (at most 1000).")
    var limit = 10

    @Option(name: .long, help: "Rank of the first result (0-based).")
    var offset = 0

    @Option(name: .long, help: "Only this type: profile, initiative, news.")
    var type: String?

    @Option(name: .long, help: ArgumentHelp("Only documents about cities of this country (ISO code, e.g. VN).", valueName: "cc"))
    var country: String?

    @Option(name: .long, help: ArgumentHelp("Only documents about this city (id, name or alias).", valueName: "id"))
    var city: String?

    @Option(name: .long, help: "Only this language: vi, en.")
    var lang: String?

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Count facets over the matches (--no-facets is faster).")
    var facets = true

    @Flag(name: .long, inversion: .prefixedNo, help: "Cut a snippet from each result's text (--no-snippets is faster).")
    var snippets = true

    @Argument(help: "The query.")
    var query: [String] = []

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
    }

    func run() throws {
        let text = query.joined(separator: " ")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw SearchError.emptyQuery }
        let reader = try location.open()
        let request = SearchRequest(query: text, limit: limit, offset: offset, type: type, country: country,
                                    city: city, lang: lang, facets: facets, snippets: snippets)
        let response = try Searcher(index: reader).search(request)
        if let unavailable = response.unavailable, !json {
            Terminal.standardError.write("learncity: partial results: shard\(unavailable.count == 1 ? "" : "s") \(unavailable.joined(separator: ", ")) unavailable\n")
        }
        if json {
            print(try JSONOutput.string(response))
        } else {
            print(SearchRenderer(cities: reader.cities, color: Terminal.stdoutWantsColor).render(response), terminator: "")
        }
    }
}
