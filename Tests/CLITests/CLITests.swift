import Foundation
import Testing
import LearningCities

/// The executable as users run it: exit codes, messages, JSON output.
@Suite(.serialized) struct CLITests {
    static let shippedCorpus = CLIRunner.packageRoot.appendingPathComponent("corpus").path
    /// One index of the shipped corpus for the whole suite, or why it could not be built.
    static let built: Result<String, IndexBuildFailure> = {
        let path = CLIRunner.temporaryFolder().appendingPathComponent("index").path
        do {
            let run = try CLIRunner.run(["index", "--corpus", shippedCorpus, "--index", path, "--strict"])
            guard run.status == 0 else { return .failure(IndexBuildFailure(reason: "exit \(run.status): \(run.stderr)")) }
            return .success(path)
        } catch {
            return .failure(IndexBuildFailure(reason: "\(error)"))
        }
    }()
    /// The suite's index (tests run only once it is built: see `init`).
    static var index: String { (try? built.get()) ?? "" }

    /// The shipped corpus failed to index: every test of the suite fails with this.
    struct IndexBuildFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { "the suite's index of the shipped corpus could not be built: \(reason)" }
    }

    /// Fails each test when the suite's index could not be built.
    init() throws {
        _ = try Self.built.get()
    }

    @Test func indexPrintsASummaryAndIsStrictClean() throws {
        let path = CLIRunner.temporaryFolder().appendingPathComponent("index").path
        let result = try CLIRunner.run(["index", "--corpus", Self.shippedCorpus, "--index", path, "--strict", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONDecoder().decode(IndexSummary.self, from: Data(result.stdout.utf8))
        #expect(summary.skipped == 0)
        #expect(summary.added == summary.documents)
        let again = try CLIRunner.run(["index", "--corpus", Self.shippedCorpus, "--index", path])
        #expect(again.stdout.contains("0 added, 0 updated, \(summary.documents) unchanged"))
    }

    @Test func searchJSONDecodesIntoTheSchema() throws {
        let result = try CLIRunner.run(["search", "--index", Self.index, "--json", "--limit", "20", "hoc", "tap", "suot", "doi"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        let response = try JSONDecoder().decode(SearchResponse.self, from: Data(result.stdout.utf8))
        #expect(response.query == "hoc tap suot doi")
        #expect(response.results.contains { $0.id == "news/seed-tp-hcm-son-la-2024" })
        #expect(response.results.allSatisfy { $0.snippet.contains("<b>") })
        #expect((response.facets.lang["vi"] ?? 0) > 0)
    }

    @Test func anUnaccentedQueryHighlightsOnlyTheWordsItIsReadAs() throws {
        // `hoc tap suot doi` is read as `học tập suốt đời`: `đối` (in `đối tác`) and `đổi` share
        // the letters of `doi` but are other words, and are not marked as matches.
        let result = try CLIRunner.run(["search", "--index", Self.index, "--json", "--limit", "30", "hoc", "tap", "suot", "doi"])
        let response = try JSONDecoder().decode(SearchResponse.self, from: Data(result.stdout.utf8))
        #expect(response.accented == "học tập suốt đời")
        let snippets = response.results.map(\.snippet)
        #expect(snippets.contains { $0.contains("<b>đời</b>") })
        #expect(snippets.contains { $0.contains("đối") || $0.contains("đổi") }, "the corpus has the look-alike words")
        #expect(!snippets.contains { $0.contains("<b>đối</b>") || $0.contains("<b>đổi</b>") }, "\(snippets)")
    }

    @Test func humanOutputShowsRanksTitlesAndCities() throws {
        let result = try CLIRunner.run(["search", "--index", Self.index, "--limit", "3", "--city", "TP.HCM", "ghi danh"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1. "))
        #expect(result.stdout.contains("Hồ Chí Minh City"))
        #expect(!result.stdout.contains("\u{1B}["))  // no colour when not a terminal
    }

    @Test func emptyQueryIsExitOneWithOneLine() throws {
        let result = try CLIRunner.run(["search", "--index", Self.index, "  "])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("learncity: empty query"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func unparsableQueryIsSearchedAsWords() throws {
        let result = try CLIRunner.run(["search", "--index", Self.index, "hoc AND"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("searched its words as plain text"))
        let json = try CLIRunner.run(["search", "--index", Self.index, "--json", "...hoc"])
        #expect(json.status == 0)
        #expect(json.stdout.contains(#""parsed_as":"words""#) || json.stdout.contains(#""parsed_as" : "words""#))
    }

    @Test func missingIndexIsExitOne() throws {
        let result = try CLIRunner.run(["search", "--index", "/nonexistent/learncity-index", "hoc"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no index at /nonexistent/learncity-index"))
    }

    @Test func unknownCityFilterSuggests() throws {
        let result = try CLIRunner.run(["search", "--index", Self.index, "--city", "Son Laa", "hoc"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean"))
        #expect(result.stderr.contains("vn-son-la"))
    }

    @Test func usageErrorsAreExitTwo() throws {
        #expect(try CLIRunner.run(["search", "--limit", "many", "hoc"]).status == 2)
        #expect(try CLIRunner.run(["search", "--no-such-flag", "hoc"]).status == 2)
        #expect(try CLIRunner.run(["frobnicate"]).status == 2)
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("search"))
    }

    @Test func malformedCorpusLinesAreReportedAndStrictFails() throws {
        let folder = CLIRunner.temporaryFolder()
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("documents"), withIntermediateDirectories: true)
        try (#"{"id":"a","body":"hello"}"# + "\n{oops\n").write(to: corpus.appendingPathComponent("documents/d.jsonl"),
                                                                 atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("index").path
        let strict = try CLIRunner.run(["index", "--corpus", corpus.path, "--index", index, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("documents/d.jsonl:2: invalid JSON"))
        #expect(!FileManager.default.fileExists(atPath: index + "/iamglass"))
        let lenient = try CLIRunner.run(["index", "--corpus", corpus.path, "--index", index])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("documents/d.jsonl:2: invalid JSON"))
        #expect(lenient.stdout.contains("1 added"))
        #expect(lenient.stdout.contains("1 skipped"))
    }

    @Test func defaultIndexIsBuiltOnFirstSearch() throws {
        let folder = CLIRunner.temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("corpus").path,
                                                   withDestinationPath: Self.shippedCorpus)
        let result = try CLIRunner.run(["search", "--limit", "1", "Son La"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("building it from ./corpus first"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index/iamglass").path))
    }

    @Test func statsJSON() throws {
        let result = try CLIRunner.run(["stats", "--index", Self.index, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try JSONDecoder().decode(IndexStatistics.self, from: Data(result.stdout.utf8))
        #expect(stats.documents == stats.byType.values.reduce(0, +))
        #expect(stats.byLang.keys.sorted() == ["en", "vi"])
        #expect((stats.byCountry["VN"] ?? 0) > 0)
        #expect(stats.indexBytes > 0)
        #expect(stats.version == LearncityVersion.current)
    }

    @Test func versionIsTheEngineVersion() throws {
        let result = try CLIRunner.run(["--version"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == LearncityVersion.current)
    }
}

/// An indexing run killed half-way leaves the previous index whole and unlocked. (SIGTERM
/// stands for Ctrl-C: a test runner's children may inherit an ignored SIGINT; both signals'
/// default action ends the process.)
@Suite struct InterruptedIndexingTests {
    @Test(arguments: [SIGTERM, SIGKILL])
    func killedIndexingLeavesThePreviousIndex(signal: Int32) throws {
        let folder = CLIRunner.temporaryFolder()
        let index = folder.appendingPathComponent("index").path
        #expect(try CLIRunner.run(["index", "--corpus", CLITests.shippedCorpus, "--index", index]).status == 0)
        // A corpus big enough to take a while: 3,000 generated articles.
        let big = folder.appendingPathComponent("big")
        try FileManager.default.createDirectory(at: big.appendingPathComponent("documents"), withIntermediateDirectories: true)
        var lines: [String] = []
        for n in 0..<3000 {
            let body = (0..<150).map { "từ\(n)x\($0) học tập suốt đời" }.joined(separator: " ")
            lines.append(#"{"id":"gen-\#(n)","body":"\#(body)","lang":"vi"}"#)
        }
        try lines.joined(separator: "\n").write(to: big.appendingPathComponent("documents/gen.jsonl"), atomically: true,
                                                 encoding: .utf8)
        // Spawned with an empty signal mask and default handlers (FaultSupport.spawn); the run
        // creates `mark` once its first document is in the open transaction.
        let mark = folder.appendingPathComponent("first-write").path
        let pid = FaultSupport.spawn(CLIRunner.executable.path, ["index", "--corpus", big.path, "--index", index],
                                     environment: ["LEARNCITY_FIRST_WRITE_MARK": mark])
        try #require(pid > 0, "learncity index could not be started")
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: mark), waitpid(pid, &status, WNOHANG) == 0, Date() < deadline {
            usleep(2_000)
        }
        guard FileManager.default.fileExists(atPath: mark) else {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            Issue.record("the run never reported its first write (status \(status))")
            return
        }
        #expect(waitpid(pid, &status, WNOHANG) == 0, "the run finished before it could be interrupted")
        kill(pid, signal)
        waitpid(pid, &status, 0)
        #expect(status & 0x7F == signal, "ended by the signal")
        let stats = try CLIRunner.run(["stats", "--index", index, "--json"])
        #expect(stats.status == 0, "\(stats.stderr)")
        let counts = try JSONDecoder().decode(IndexStatistics.self, from: Data(stats.stdout.utf8))
        let shipped = try CLIRunner.run(["index", "--corpus", CLITests.shippedCorpus, "--index", index, "--json"])
        #expect(shipped.status == 0, "the lock was released: \(shipped.stderr)")
        let summary = try JSONDecoder().decode(IndexSummary.self, from: Data(shipped.stdout.utf8))
        #expect(summary.unchanged == counts.documents, "the interrupted run changed nothing")
        #expect(summary.added == 0 && summary.removed == 0)
    }
}
