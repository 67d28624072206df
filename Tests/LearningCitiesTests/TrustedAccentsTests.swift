import Foundation
import Testing
@testable import LearningCities

/// Accents typed, or restored with confidence, are trusted: documents with
/// the exact words rank first, documents that only share the letters are
/// approximate matches (counted apart), and only real matches are highlighted.
@Suite struct TrustedAccentsTests {
    func makeSearcher() throws -> Searcher {
        let corpus = try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [
            "docs.jsonl": [
                #"{"id":"lifelong","type":"news","title":"Tin","body":"Sơn La thúc đẩy học tập suốt đời cho mọi người dân.","cities":["vn-son-la"]}"#,
                #"{"id":"partner","type":"news","title":"Tin","body":"Học tập theo quan hệ đối tác, suốt năm, tập trung vào hộ nghèo.","cities":["vn-son-la"]}"#,
                #"{"id":"lifelong-2","type":"news","title":"Tin","body":"Mô hình học tập suốt đời ở khu dân cư, học tập suốt đời tại nhà.","cities":["vn-vinh"]}"#,
                #"{"id":"capital","type":"news","title":"Tin","body":"Thủ đô có thêm thành viên mới của mạng lưới.","cities":["vn-ho-chi-minh-city"]}"#,
                #"{"id":"capital-2","type":"news","title":"Tin","body":"Báo Giáo dục Thủ đô: Việt Nam có năm thành viên.","cities":["vn-ho-chi-minh-city"]}"#,
                #"{"id":"library","type":"news","title":"Tin","body":"Thư viện thành phố mở cửa; thủ đô đón thành viên mới.","cities":["vn-vinh"]}"#,
            ].joined(separator: "\n"),
        ])
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        return Searcher(index: try IndexReader(path: corpus.index))
    }

    @Test func aConfidentReadingRanksAndHighlightsOnlyTheRestoredWords() throws {
        let response = try makeSearcher().search(SearchRequest(query: "hoc tap suot doi"))
        #expect(response.accented == "học tập suốt đời")
        let ids = response.results.map(\.id)
        #expect(Set(ids.prefix(2)) == ["lifelong", "lifelong-2"])
        let partner = try #require(response.results.first { $0.id == "partner" })
        #expect(partner.snippet.contains("<b>Học</b>"))
        #expect(partner.snippet.contains("đối tác"))
        #expect(!partner.snippet.contains("<b>đối</b>"))
        #expect(response.exactMatches == 2)
        #expect(response.approximateMatches == 1)
    }

    @Test func documentsWithOnlyTheLettersAreApproximateMatches() throws {
        let searcher = try makeSearcher()
        let inCity = try searcher.search(SearchRequest(query: "thư viện", city: "TP.HCM"))
        #expect(Set(inCity.results.map(\.id)) == ["capital", "capital-2"])
        #expect(inCity.exactMatches == 0)
        #expect(inCity.approximateMatches == 2)
        for hit in inCity.results { #expect(!hit.snippet.contains("<b>")) }

        let everywhere = try searcher.search(SearchRequest(query: "thư viện"))
        #expect(everywhere.results.first?.id == "library")
        #expect(everywhere.results.first?.snippet.contains("<b>Thư</b> <b>viện</b>") == true)
        #expect(everywhere.exactMatches == 1)
        #expect(everywhere.approximateMatches == 2)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(inCity)) as? [String: Any])
        #expect(json["exact_matches"] as? Int == 0)
        #expect(json["approximate_matches"] as? Int == 2)
    }

    @Test func aWildcardIsNotReadAsAWord() throws {
        let searcher = try makeSearcher()
        #expect(try searcher.search(SearchRequest(query: "hoc*")).accented == nil)
        #expect(try searcher.search(SearchRequest(query: "hoc* tap")).accented == "hoc* tập")
    }
}
