import Testing
@testable import learncity
import LearningCities

/// Command lines parsed without running a process, as argument-parser's own
/// examples test them (`parseAsRoot`).
@Suite struct ArgumentParsingTests {
    @Test func searchTakesItsOptionsAndWords() throws {
        let parsed = try Learncity.parseAsRoot(["search", "--limit", "3", "--city", "TP.HCM", "--no-facets",
                                                "--allow-partial", "ghi", "danh"])
        let search = try #require(parsed as? SearchCommand)
        #expect(search.limit == 3)
        #expect(search.city == "TP.HCM")
        #expect(search.facets == false)
        #expect(search.location.allowPartial)
    }

    @Test func indexTakesItsLayoutAndCorpus() throws {
        let parsed = try Learncity.parseAsRoot(["index", "--corpus", "c", "--index", "i", "--shards", "3", "--jobs", "2",
                                                "--strict", "--rebuild", "--json"])
        let index = try #require(parsed as? IndexCommand)
        #expect(index.corpus == "c" && index.location.index == "i")
        #expect(index.shards == 3 && index.jobs == 2)
        #expect(index.strict && index.rebuild && index.json)
        #expect(throws: (any Error).self) { try Learncity.parseAsRoot(["index", "--shards", "0"]) }
        #expect(throws: (any Error).self) { try Learncity.parseAsRoot(["index", "--jobs", "257"]) }
    }

    @Test func recommendJoinsTheCityWordsAndTakesItsFilters() throws {
        let parsed = try Learncity.parseAsRoot(["recommend", "--other-countries", "--theme", "literacy", "--country", "DE",
                                                "--limit", "7", "--include-non-members", "son", "la"])
        let recommend = try #require(parsed as? RecommendCommand)
        #expect(recommend.city == ["son", "la"])
        #expect(recommend.otherCountries && recommend.includeNonMembers)
        #expect(recommend.theme == "literacy" && recommend.country == "DE" && recommend.limit == 7)
        let text = try #require(try Learncity.parseAsRoot(["recommend", "--text", "thư viện lưu động"]) as? RecommendCommand)
        #expect(text.text == "thư viện lưu động" && text.city.isEmpty)
    }

    @Test func compareTakesTwoCitiesAndServeItsLineCap() throws {
        let compare = try #require(try Learncity.parseAsRoot(["compare", "--lang", "en", "Cork", "Suwon"]) as? CompareCommand)
        #expect(compare.cityA == "Cork" && compare.cityB == "Suwon" && compare.lang == "en")
        #expect(throws: (any Error).self) { try Learncity.parseAsRoot(["compare", "Cork"]) }
        let serve = try #require(try Learncity.parseAsRoot(["serve", "--index", "x.stub", "--max-line-bytes", "4096"]) as? ServeCommand)
        #expect(serve.options.location.index == "x.stub" && serve.options.maxLineBytes == 4096)
    }

    @Test func usageErrorsAreRefusedBeforeAnythingRuns() {
        #expect(throws: (any Error).self) { try Learncity.parseAsRoot(["search", "--limit", "-1", "x"]) }
        #expect(throws: (any Error).self) { try Learncity.parseAsRoot(["search", "--limit", "ten", "x"]) }
        #expect(throws: (any Error).self) { try Learncity.parseAsRoot(["serve", "--max-line-bytes", "10"]) }
        #expect(throws: (any Error).self) { try Learncity.parseAsRoot(["no-such-command"]) }
    }

    @Test func versionIsACleanExit() {
        #expect { try Learncity.parseAsRoot(["--version"]) } throws: { error in
            Learncity.exitCode(for: error) == .success && Learncity.message(for: error) == LearncityVersion.current
        }
    }
}
