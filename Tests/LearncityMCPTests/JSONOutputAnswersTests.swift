import Foundation
import Testing
import JSONRPC
import LearningCities

/// The engine's real answers (searches and recommendations on the shipped
/// corpus) print byte for byte as Foundation's `JSONEncoder` prints them.
@Suite struct JSONOutputAnswersTests {
    private let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    @Test func searchAndRecommendAnswersAreFoundationsBytes() throws {
        let reader = try IndexReader(path: MCPToolCatalogTests.index)
        let searcher = Searcher(index: reader)
        var checked = 0
        for query in ["hoc tap suot doi", "thành phố học tập", "learning festival", "TP.HCM", "\"public library\"",
                      "thu vien nguoi cao tuoi", "literacy country:IE", "xyzzy qwerty"] {
            let response = try searcher.search(SearchRequest(query: query, limit: 20))
            let rpc = JSONRPCResponse(id: .integer(checked), result: response)
            #expect(try JSONOutput.data(rpc) == foundation.encode(rpc), "\(query)")
            checked += 1
        }
        let recommender = PartnerRecommender(index: reader)
        for city in ["vn-son-la", "ie-cork"] {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 5))
            #expect(try JSONOutput.data(response) == foundation.encode(response), "\(city)")
        }
    }
}
