import Foundation
import Testing
@testable import LearningCities

@Suite struct CorpusReaderTests {
    @Test func reportsEachBadLineWithFileAndLineAndKeepsTheRest() throws {
        let corpus = try FixtureCorpus(
            cities: FixtureCorpus.vietnameseCities + [#"{"id":"x","name":"No country"}"#, "{broken"],
            files: [
                "a.jsonl": [
                    #"{"id":"ok-1","body":"Học tập suốt đời ở Sơn La."}"#,
                    #"{"id":"no-body","title":"t"}"#,
                    "not json at all",
                    #"{"id":"ok-1","body":"duplicate"}"#,
                    #"{"id":"bad-city","body":"x","cities":["zz-nowhere"]}"#,
                    #"{"id":"bad-date","body":"x","date":"2024-13-01"}"#,
                    #"{"id":"bad-type","body":"x","type":"blog"}"#,
                    #"{"id":"ok-2","type":"initiative","body":"Festival","cities":["ie-cork"],"lang":"en"}"#,
                ].joined(separator: "\n"),
                "sub/article.txt": "\n\nTitle line\nBody of the scraped article. |\nMore.",
                "empty.txt": "   \n",
            ])
        try corpus.writeBytes("bad-utf8.jsonl", Array(#"{"id":"u","body":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8))
        let reader = CorpusReader(root: corpus.root)
        let (cities, cityIssues) = try reader.readCities()
        #expect(cities.count == 4)
        #expect(cityIssues.count == 2)
        #expect(cityIssues.first?.description == "cities.jsonl:5: missing required field 'country'")
        #expect(cityIssues.last?.description.hasPrefix("cities.jsonl:6: invalid JSON") == true)
        var issues: [String] = []
        var ids: [String] = []
        try reader.readDocuments(knownCities: Set(cities.map(\.id)), issue: { issues.append($0.description) }) {
            ids.append($0.id)
        }
        #expect(ids == ["ok-1", "ok-2", "sub/article"])
        #expect(issues.contains("documents/a.jsonl:2: missing required field 'body'"))
        #expect(issues.contains { $0.hasPrefix("documents/a.jsonl:3: invalid JSON") })
        #expect(issues.contains("documents/a.jsonl:4: duplicate id 'ok-1' (first at documents/a.jsonl:1)"))
        #expect(issues.contains("documents/a.jsonl:5: unknown city id 'zz-nowhere' in 'cities'"))
        #expect(issues.contains("documents/a.jsonl:6: field 'date' must be YYYY-MM-DD or YYYY, got '2024-13-01'"))
        #expect(issues.contains("documents/a.jsonl:7: field 'type' must be profile, initiative or news, got 'blog'"))
        #expect(issues.contains("documents/bad-utf8.jsonl:1: invalid UTF-8"))
        #expect(issues.contains("documents/empty.txt: empty file"))
        #expect(issues.count == 8)
    }

    @Test func aMissingCorpusIsAnError() {
        #expect(throws: CorpusError.missingFolder("/nonexistent/corpus")) {
            _ = try CorpusReader(root: "/nonexistent/corpus").readCities()
        }
    }
}

/// The abbreviations file is read like every other corpus file.
@Suite struct AbbreviationFileTests {
    @Test func aBOMIsSkippedAndInvalidUTF8IsNamed() throws {
        let corpus = try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [:])
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(#"{"terms":["TP.HCM","Thành phố Hồ Chí Minh"]}"#.utf8) + [0x0A]
        bytes += Array(#"{"terms":["a"#.utf8) + [0xC3, 0x28] + Array(#"","b"]}"#.utf8) + [0x0A]
        try Data(bytes).write(to: URL(fileURLWithPath: corpus.root + "/abbreviations.jsonl"))
        let (list, issues) = try AbbreviationList.read(corpus: corpus.root)
        #expect(list.groups.count == 1)
        #expect(issues.map(\.description) == ["abbreviations.jsonl:2: invalid UTF-8"])
    }
}
