import Foundation
import Testing
@testable import LearningCities

/// Search reaches documents in the other language through programme concepts.
@Suite("Concept search")
struct ConceptSearchTests {
    @Test("a Vietnamese query finds an English document naming the same programmes, below same-language matches")
    func crossLanguage() throws {
        let searcher = Searcher(index: try RecommendFixture.recommender().index)
        let query = "thư viện người cao tuổi"
        #expect(ConceptExpansion.terms(for: query, index: searcher.index).sorted() == ["XPolder-people", "XPpublic-library"])
        let all = try searcher.search(SearchRequest(query: query, limit: 50))
        let ids = all.results.map(\.id)
        // "Montréal libraries and community centres help older people go digital".
        let montreal = try #require(ids.firstIndex(of: "initiative/ca-montreal/seniors-digital"), "\(ids)")
        // Documents that use all the query's own words come first; documents with only some
        // of them fill the page after (`partial_from`), where a document holding both concepts
        // in the other language may come before them.
        let fullMatches = all.partialFrom.map { $0 - 1 - all.offset } ?? all.results.count
        let vietnamese = all.results.prefix(fullMatches).enumerated().filter { $0.element.lang == "vi" }.map(\.offset)
        #expect(!vietnamese.isEmpty)
        #expect(vietnamese.allSatisfy { $0 < montreal })
        // --lang restricts.
        let restricted = try searcher.search(SearchRequest(query: query, limit: 50, lang: "vi"))
        #expect(!restricted.results.isEmpty && restricted.results.allSatisfy { $0.lang == "vi" })
        // Without a concept in the query, nothing is added.
        #expect(ConceptExpansion.terms(for: "ban chỉ đạo", index: searcher.index).isEmpty)
    }
}
