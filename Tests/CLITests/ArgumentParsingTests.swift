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
