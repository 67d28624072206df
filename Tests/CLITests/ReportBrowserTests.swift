import Foundation
import Testing

/// `learncity report` and `learncity map` rendered by headless Chromium
/// (`Tests/python/report_browser_check.py`): validity, no requests, no
/// overflow at 1280 and 390 px, markers where Equal Earth puts them.
@Suite(.serialized)
struct ReportBrowserTests {
    @Test func pagesRenderInARealBrowser() throws {
        let folder = try ServeFixture.temporaryFolder()
        let corpus = ServeFixture.packageRoot + "/corpus"
        let build = try ServeFixture.run(["index", "--corpus", corpus, "--index", folder + "/index", "--strict"])
        try #require(build.status == 0, "indexing the shipped corpus failed: \(build.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", ServeFixture.packageRoot + "/Tests/python/report_browser_check.py",
                             ServeFixture.binary, folder + "/index", corpus, folder + "/pages"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
    }

    @Test func reportErrorsAreOneLineAndExitOne() throws {
        let folder = try ServeFixture.temporaryFolder()
        _ = try ServeFixture.run(["index", "--corpus", ServeFixture.packageRoot + "/corpus", "--index", folder + "/index"])
        let unknown = try ServeFixture.run(["report", "--index", folder + "/index", "--out", folder + "/x.html", "Atlantis"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("learncity: ") && unknown.stderr.contains("Atlantis"), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.html"))
        let theme = try ServeFixture.run(["map", "--index", folder + "/index", "--out", folder + "/m.html", "--theme", "literacyy"])
        #expect(theme.status == 1)
        #expect(theme.stderr.contains("did you mean"), "\(theme.stderr)")
        let unwritable = try ServeFixture.run(["report", "--index", folder + "/index", "--out", "/proc/nope/x.html", "Hamburg"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot write /proc/nope/x.html"), "\(unwritable.stderr)")
    }

    @Test func serveAnswersReportWithThePage() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let answer = try server.call("report", params: ["city": "Cork", "lang": "en", "limit": 2])
        let result = try #require(answer["result"] as? [String: Any], "\(answer)")
        let html = result["html"] as? String ?? ""
        let partners = result["partners"] as? [String] ?? []
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"en\">"))
        #expect(!partners.isEmpty && partners.allSatisfy { html.contains("data-partner=\"\($0)\"") })
        let badLang = try server.call("report", id: 2, params: ["city": "Cork", "lang": "fr"])
        #expect((badLang["error"] as? [String: Any])?["code"] as? Int == -32602)
        let unknown = try server.call("report", id: 3, params: ["city": "Atlantis"])
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32001)
    }
}
