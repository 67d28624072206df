import Foundation
import Testing
import LearningCities

/// `learncity recommend` run as a subprocess on the labelled fixture corpus.
@Suite("learncity recommend")
struct RecommendCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/learncity").path
    static let corpus = root.appendingPathComponent("Tests/LearningCitiesTests/Fixtures/recommend").path

    /// An index of the fixture corpus built by `learncity index`, once.
    static let index: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("learncity-cli-recommend-\(UUID().uuidString)").path
        _ = run(["index", "--corpus", corpus, "--index", path])
        return path
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String]) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Result(status: -1, stdout: "", stderr: "\(error)") }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("--json prints one object of the documented shape")
    func json() throws {
        let result = Self.run(["recommend", "--index", Self.index, "--json", "--limit", "3", "son la"])
        #expect(result.status == 0, "\(result.stderr)")
        let response = try JSONDecoder().decode(RecommendResponse.self, from: Data(result.stdout.utf8))
        #expect(response.city == RecommendedCity(id: "vn-son-la", name: "Sơn La", country: "VN"))
        #expect(response.partners.count == 3)
        #expect(response.partners.allSatisfy { $0.score > 0 && $0.score <= 1 })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let partner = try #require((object["partners"] as? [[String: Any]])?.first)
        #expect(Set(partner.keys) == ["rank", "id", "name", "country", "score", "concepts", "themes", "terms", "pairs", "evidence"])

        let text = Self.run(["recommend", "--index", Self.index, "--json", "--text", "adult literacy classes for women"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix(#"{"city":null,"#))
    }

    @Test("human output has one block per partner with a score bar and shared themes")
    func human() {
        let result = Self.run(["recommend", "--index", Self.index, "--limit", "2", "Hamburg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Partners for Hamburg (DE)"))
        #expect(result.stdout.contains("1. "))
        #expect(result.stdout.contains("2. "))
        #expect(result.stdout.contains("█"))
        #expect(result.stdout.contains("shared programmes: "))
        #expect(result.stdout.contains(" ↔ "))
        let vietnamese = Self.run(["recommend", "--index", Self.index, "--limit", "2", "son la"])
        #expect(vietnamese.stdout.contains("Đối tác cho Sơn La (VN)"))
        #expect(vietnamese.stdout.contains("xóa mù chữ"))
        let english = Self.run(["recommend", "--index", Self.index, "--limit", "2", "--lang", "en", "son la"])
        #expect(english.stdout.contains("Partners for Sơn La (VN)"))
        #expect(english.stdout.contains("literacy"))
        let weak = Self.run(["recommend", "--index", Self.index, "--text", "The harbour authority dredged the shipping channel and repaired the cranes"])
        #expect(weak.status == 0)
        #expect(weak.stdout.contains("even the best match is weak") || weak.stdout.contains("No partner found"))
    }

    @Test("compare shows shared and different concepts and paired initiatives")
    func compare() throws {
        let result = Self.run(["compare", "--index", Self.index, "Sơn La", "Nilambur"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Sơn La (VN) ↔ Nilambur (IN)"))
        #expect(result.stdout.contains("xóa mù chữ"))
        #expect(result.stdout.contains(" ↔ Nilambur: literacy"))
        let json = Self.run(["compare", "--index", Self.index, "--json", "--lang", "en", "vn-son-la", "vn-vinh"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["a", "b", "lang", "score", "shared_concepts", "only_a", "only_b", "shared_themes",
                                     "only_a_themes", "only_b_themes", "terms", "pairs"])
        let same = Self.run(["compare", "--index", Self.index, "vinh", "vn-vinh"])
        #expect(same.status == 1)
        #expect(same.stderr.contains("two different cities"))
    }

    @Test("an unknown city exits 1 with suggestions; no city is a usage error of the command")
    func errors() {
        let unknown = Self.run(["recommend", "--index", Self.index, "Hamburgg"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown city 'Hamburgg' (did you mean Hamburg (de-hamburg)"))
        #expect(unknown.stdout.isEmpty)
        let none = Self.run(["recommend", "--index", Self.index])
        #expect(none.status == 1)
        #expect(none.stderr.contains("name a city"))
        let theme = Self.run(["recommend", "--index", Self.index, "--theme", "literacyy", "son la"])
        #expect(theme.status == 1)
        #expect(theme.stderr.contains("did you mean literacy"))
        let limit = Self.run(["recommend", "--index", Self.index, "--limit", "-1", "son la"])
        #expect(limit.status == 2)
    }
}
