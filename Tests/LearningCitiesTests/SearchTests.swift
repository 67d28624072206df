import Foundation
import Testing
@testable import LearningCities

@Suite struct SearchTests {
    func makeSearcher() throws -> Searcher {
        let corpus = try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [
            "docs.jsonl": [
                #"{"id":"phrase","type":"news","title":"Tin","body":"Người dân Sơn La học tập suốt đời.","date":"2024"}"#,
                #"{"id":"apart","type":"news","title":"Tin","body":"Đời sống của người học; tập thể dục suốt buổi sáng.","date":"2020"}"#,
                #"{"id":"ba-grave","type":"profile","title":"Bà","body":"bà kể chuyện","cities":["vn-vinh"],"date":"2022"}"#,
                #"{"id":"ba-acute","type":"profile","title":"Bá","body":"bá kể chuyện","cities":["vn-vinh"],"date":"2022"}"#,
                #"{"id":"ba-plain","type":"profile","title":"Ba","body":"ba kể chuyện","cities":["vn-vinh"],"date":"2022"}"#,
                #"{"id":"cork","type":"initiative","title":"Learning festival","body":"Cork's cities learning festival runs every year.","cities":["ie-cork"],"lang":"en","date":"2015"}"#,
            ].joined(separator: "\n"),
        ])
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        return Searcher(index: try IndexReader(path: corpus.index))
    }

    @Test func unaccentedQueriesFindAccentedText() throws {
        let response = try makeSearcher().search(SearchRequest(query: "hoc tap suot doi"))
        #expect(Set(response.results.map(\.id)) == ["phrase", "apart"])
        #expect(response.results.first?.snippet.contains("<b>học</b>") == true)
    }

    @Test func accentedQueriesRankExactFormsFirst() throws {
        let searcher = try makeSearcher()
        #expect(try searcher.search(SearchRequest(query: "bà")).results.map(\.id).first == "ba-grave")
        #expect(try searcher.search(SearchRequest(query: "bá")).results.map(\.id).first == "ba-acute")
        #expect(try searcher.search(SearchRequest(query: "ba")).total == 3)
    }

    @Test func phrasesMatchAdjacentWordsOnly() throws {
        let searcher = try makeSearcher()
        #expect(try searcher.search(SearchRequest(query: "\"học tập suốt đời\"")).results.map(\.id) == ["phrase"])
        #expect(try searcher.search(SearchRequest(query: "\"hoc tap suot doi\"")).results.map(\.id) == ["phrase"])
    }

    @Test func englishIsStemmed() throws {
        let response = try makeSearcher().search(SearchRequest(query: "city festivals"))
        #expect(response.results.map(\.id) == ["cork"])
    }

    @Test func filtersInFlagsAndInTheQuery() throws {
        let searcher = try makeSearcher()
        #expect(try searcher.search(SearchRequest(query: "ke chuyen", type: "profile")).total == 3)
        #expect(try searcher.search(SearchRequest(query: "ke chuyen", type: "news")).total == 0)
        #expect(try searcher.search(SearchRequest(query: "hoc", city: "Son La")).results.map(\.id) == ["phrase"])
        #expect(try searcher.search(SearchRequest(query: "hoc city:vn-son-la")).results.map(\.id) == ["phrase"])
        #expect(try searcher.search(SearchRequest(query: "festival country:ie")).results.map(\.id) == ["cork"])
        #expect(try searcher.search(SearchRequest(query: "hoc 2023..2025")).results.map(\.id) == ["phrase"])
        #expect(try searcher.search(SearchRequest(query: "lang:en")).results.map(\.id) == ["cork"])
    }

    @Test func facetsCountAllMatches() throws {
        let response = try makeSearcher().search(SearchRequest(query: "ke chuyen OR festival", limit: 1))
        #expect(response.results.count == 1)
        #expect(response.total == 4)
        #expect(response.facets.type == ["profile": 3, "initiative": 1])
        #expect(response.facets.country == ["VN": 3, "IE": 1])
        #expect(response.facets.lang == ["vi": 3, "en": 1])
    }

    @Test func snippetsAndFacetsCanBeSwitchedOff() throws {
        let searcher = try makeSearcher()
        let full = try searcher.search(SearchRequest(query: "ke chuyen OR festival"))
        let bare = try searcher.search(SearchRequest(query: "ke chuyen OR festival", facets: false, snippets: false))
        #expect(full.results.map(\.id) == bare.results.map(\.id))
        #expect(full.results.allSatisfy { $0.snippet.contains("<b>") })
        #expect(bare.results.allSatisfy { $0.snippet.isEmpty })
        #expect(bare.facets.type.isEmpty && !full.facets.type.isEmpty)
    }

    @Test func andFallsBackToOrWhenNothingHasEveryWord() throws {
        let response = try makeSearcher().search(SearchRequest(query: "festival doi"))
        #expect(response.relaxed)
        #expect(response.total == 3)
    }

    @Test func badInputIsAReadableError() throws {
        let searcher = try makeSearcher()
        #expect(throws: SearchError.emptyQuery) { try searcher.search(SearchRequest(query: "   ")) }
        #expect(throws: SearchError.emptyQuery) { try searcher.search(SearchRequest(query: "((( ..")) }
        // A query the parser rejects is searched as plain words (QueryRobustnessTests).
        #expect(try searcher.search(SearchRequest(query: "hoc AND")).parsedAs == "words")
        #expect { try searcher.search(SearchRequest(query: "hoc", city: "Son Laa")) } throws: { error in
            guard case CityError.unknown(_, let suggestions)? = error as? CityError else { return false }
            return suggestions.first?.id == "vn-son-la"
        }
        #expect(throws: SearchError.self) { try searcher.search(SearchRequest(query: "hoc", type: "blog")) }
    }

    @Test func frequentStopwordsDoNotDecideTheMatch() throws {
        // "kể" and "chuyện" are listed stopwords and frequent here: the query keeps only "festival".
        let response = try makeSearcher().search(SearchRequest(query: "festival kể chuyện"))
        #expect(response.results.map(\.id) == ["cork"])
        #expect(!response.relaxed)
    }

    @Test func suggestsAccentsAndSpelling() throws {
        let searcher = try makeSearcher()
        #expect(try searcher.search(SearchRequest(query: "hoc tap suot doi")).accented == "học tập suốt đời")
        #expect(try searcher.search(SearchRequest(query: "học tập")).accented == nil)
        let misspelt = try searcher.search(SearchRequest(query: "festivl"))
        #expect(misspelt.total == 0)
        #expect(misspelt.didYouMean == "festival")
    }

    @Test func theResponseEncodesToTheDocumentedShape() throws {
        let response = try makeSearcher().search(SearchRequest(query: "hoc tap"))
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(response)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["query", "total", "offset", "results", "facets"]))
        let hit = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(Set(hit.keys) == ["rank", "id", "type", "title", "cities", "date", "lang", "score", "snippet"])
        let facets = try #require(object["facets"] as? [String: Any])
        #expect(Set(facets.keys) == ["type", "country", "lang"])
        #expect(try JSONDecoder().decode(SearchResponse.self, from: JSONEncoder().encode(response)) == response)
    }

    @Test func theShippedCorpusFindsTheSeedArticle() throws {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("lc-shipped-\(UUID().uuidString)").path
        let summary = try CorpusIndexer(corpusPath: FixtureCorpus.shippedCorpus, indexPath: index, strict: true).run()
        #expect(summary.skipped == 0)
        #expect(summary.documents > 500)
        let searcher = Searcher(index: try IndexReader(path: index))
        // The unaccented query finds Vietnamese text first; the corpus holds many Vietnamese
        // initiatives on lifelong learning, so the seed article is among the first 20, not 10.
        let response = try searcher.search(SearchRequest(query: "hoc tap suot doi", limit: 20))
        #expect(response.results.prefix(10).allSatisfy { $0.lang == "vi" }, "\(response.results.map(\.id))")
        #expect(response.results.contains { $0.id == "news/seed-tp-hcm-son-la-2024" })
        let seed = try searcher.search(SearchRequest(query: "42 tieu chi Son La"))
        #expect(seed.results.first?.id == "news/seed-tp-hcm-son-la-2024")
    }
}

/// Synonyms (city aliases, abbreviations) and compounds, on small fixtures.
@Suite struct RelevanceTests {
    func makeSearcher() throws -> Searcher {
        let corpus = try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [
            "docs.jsonl": [
                #"{"id":"full-name","body":"Thành phố Hồ Chí Minh mở thêm trung tâm học tập cộng đồng.","lang":"vi"}"#,
                #"{"id":"english","body":"HCMC opens new community learning centres.","lang":"en"}"#,
                #"{"id":"abbr","body":"Sở GD-ĐT công bố kế hoạch năm học mới.","lang":"vi","cities":["vn-son-la"]}"#,
                #"{"id":"long-form","body":"Ngành giáo dục và đào tạo tỉnh tổ chức hội nghị.","lang":"vi","cities":["vn-son-la"]}"#,
                #"{"id":"compound","body":"Xây dựng xã hội học tập ở cơ sở.","lang":"vi","cities":["vn-vinh"]}"#,
                #"{"id":"scattered","body":"Học sinh tập thể dục; xã tổ chức hội diễn.","lang":"vi","cities":["vn-vinh"]}"#,
            ].joined(separator: "\n"),
        ])
        try """
            {"terms": ["GD-ĐT", "GD&ĐT", "giáo dục và đào tạo"]}
            {"terms": ["TTHTCĐ", "trung tâm học tập cộng đồng"]}
            """.write(toFile: corpus.root + "/abbreviations.jsonl", atomically: true, encoding: .utf8)
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        return Searcher(index: try IndexReader(path: corpus.index))
    }

    @Test(arguments: ["TP.HCM", "Sài Gòn", "Ho Chi Minh City", "thanh pho ho chi minh"])
    func cityAliasesFindEveryName(query: String) throws {
        let ids = Set(try makeSearcher().search(SearchRequest(query: query)).results.map(\.id))
        #expect(ids == ["full-name", "english"])
    }

    @Test func abbreviationsFindTheLongFormAndBack() throws {
        let searcher = try makeSearcher()
        #expect(Set(try searcher.search(SearchRequest(query: "GD-ĐT")).results.map(\.id)) == ["abbr", "long-form"])
        // Five words: every word optional, the documents with all of them first.
        #expect(Set(try searcher.search(SearchRequest(query: "giao duc va dao tao")).results.prefix(2).map(\.id)) == ["abbr", "long-form"])
        // The engine's vocabulary knows TTHTCĐ as the community-learning-centre
        // concept: the English document comes too, after the Vietnamese one.
        #expect(try searcher.search(SearchRequest(query: "TTHTCĐ")).results.map(\.id) == ["full-name", "english"])
    }

    @Test func compoundsRankAboveScatteredSyllables() throws {
        let response = try makeSearcher().search(SearchRequest(query: "xa hoi hoc tap"))
        #expect(response.results.prefix(2).map(\.id) == ["compound", "scattered"])
        #expect(response.partialFrom == 3)
        #expect(response.results[0].score > response.results[1].score)
    }
}
