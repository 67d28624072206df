import Foundation
import Testing
import XapianKit
import LearningCities
#if canImport(Glibc)
import Glibc
#endif

/// `learncity serve` as a subprocess, spoken to through pipes.
@Suite(.serialized)
struct ServeTests {
    // MARK: Helpers

    private func code(_ response: [String: Any]) -> Int? {
        (response["error"] as? [String: Any])?["code"] as? Int
    }

    private func message(_ response: [String: Any]) -> String {
        (response["error"] as? [String: Any])?["message"] as? String ?? ""
    }

    private func result(_ response: [String: Any]) -> [String: Any]? {
        response["result"] as? [String: Any]
    }

    private func ids(_ response: [String: Any]) -> [String] {
        (result(response)?["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    private func fixtureDocuments() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: ServeFixture.fixture("ServeCorpus/documents/fixture.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    // MARK: Methods

    @Test func searchAnswersTheSameObjectAsSearchJSON() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let response = try server.call("search", id: 7, params: ["query": "hoc tap", "limit": 3, "country": "VN"])
        #expect(response["jsonrpc"] as? String == "2.0")
        #expect(response["id"] as? Int == 7)
        let cli = try ServeFixture.run(["search", "--index", index, "--json", "--limit", "3", "--country", "VN", "hoc tap"])
        #expect(cli.status == 0)
        let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as! NSDictionary
        #expect(NSDictionary(dictionary: try #require(result(response))) == expected)
        #expect(!ids(response).isEmpty)

        // Without snippets and facets: the same hits, as the CLI's --no-snippets --no-facets gives them.
        let bare = try server.call("search", id: 8, params: ["query": "hoc tap", "limit": 3, "country": "VN",
                                                             "snippets": false, "facets": false])
        let bareCLI = try ServeFixture.run(["search", "--index", index, "--json", "--limit", "3", "--country", "VN",
                                            "--no-snippets", "--no-facets", "hoc tap"])
        let bareExpected = try JSONSerialization.jsonObject(with: Data(bareCLI.stdout.utf8)) as! NSDictionary
        #expect(NSDictionary(dictionary: try #require(result(bare))) == bareExpected)
        #expect(ids(bare) == ids(response))
        #expect((result(bare)?["results"] as? [[String: Any]] ?? []).allSatisfy { ($0["snippet"] as? String) == "" })
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func statsCitiesAndCityDescribeTheIndex() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let documents = try fixtureDocuments()

        let stats = try #require(result(try server.call("stats", id: "s")))
        #expect(stats["documents"] as? Int == documents.count)
        #expect(stats["cities"] as? Int == 4)

        let all = try #require(result(try server.call("cities", id: 2))?["cities"] as? [[String: Any]])
        #expect(all.compactMap { $0["id"] as? String }.sorted() == ["ie-cork", "kr-suwon", "vn-ha-noi", "vn-son-la"])
        let sonLaCount = documents.filter { ($0["cities"] as? [String]) == ["vn-son-la"] }.count
        #expect(all.first { $0["id"] as? String == "vn-son-la" }?["documents"] as? Int == sonLaCount)

        let vietnam = try #require(result(try server.call("cities", id: 3, params: ["country": "vn"])))
        #expect((vietnam["cities"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.sorted() == ["vn-ha-noi", "vn-son-la"])
        #expect(vietnam["country"] as? String == "VN")

        let city = try #require(result(try server.call("city", id: 4, params: ["city": "Son La"])))
        #expect((city["city"] as? [String: Any])?["id"] as? String == "vn-son-la")
        let listed = try #require(city["documents"] as? [[String: Any]])
        let expectedIDs = documents.filter { ($0["cities"] as? [String])?.contains("vn-son-la") ?? false }.compactMap { $0["id"] as? String }
        #expect(Set(listed.compactMap { $0["id"] as? String }) == Set(expectedIDs))
        #expect(listed.first?["type"] as? String == "profile")
        for document in listed { #expect(Set(document.keys) == ["id", "type", "title", "date", "lang"]) }
        #expect(city["total"] as? Int == expectedIDs.count)

        let page = try #require(result(try server.call("city", id: 5, params: ["city": "vn-son-la", "limit": 1, "offset": 1])))
        #expect((page["documents"] as? [[String: Any]])?.count == 1)
        #expect((page["documents"] as? [[String: Any]])?.first?["id"] as? String == listed[1]["id"] as? String)
    }

    @Test func recommendAnswersTheSameObjectAsRecommendJSON() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let response = try server.call("recommend", id: 1, params: ["city": "Son La", "limit": 3])
        let cli = try ServeFixture.run(["recommend", "--index", index, "--json", "--limit", "3", "Son La"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as! NSDictionary
        let answer = try #require(result(response))
        #expect(NSDictionary(dictionary: answer) == expected)
        #expect((answer["city"] as? [String: Any])?["id"] as? String == "vn-son-la")

        let unknown = try server.call("recommend", id: 2, params: ["city": "Son Laa"])
        #expect(code(unknown) == -32001)
        #expect(message(unknown).contains("did you mean"))
        let neither = try server.call("recommend", id: 3, params: ["limit": 3])
        #expect(code(neither) == -32602)
    }

    @Test func compareAnswersTheSameObjectAsCompareJSON() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let response = try server.call("compare", id: 1, params: ["a": "Son La", "b": "Cork", "lang": "en"])
        let cli = try ServeFixture.run(["compare", "--index", index, "--json", "--lang", "en", "Son La", "Cork"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let expected = try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as! NSDictionary
        let answer = try #require(result(response))
        #expect(NSDictionary(dictionary: answer) == expected)
        #expect((answer["a"] as? [String: Any])?["id"] as? String == "vn-son-la")
        let unknown = try server.call("compare", id: 2, params: ["a": "Son Laa", "b": "Cork"])
        #expect(code(unknown) == -32001)
        let missing = try server.call("compare", id: 3, params: ["a": "Son La"])
        #expect(code(missing) == -32602)
    }

    @Test func versionAnswersTheEngineVersion() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        #expect(result(try server.call("version"))?["version"] as? String == LearncityVersion.current)
        #expect(result(try server.call("stats"))?["version"] as? String == LearncityVersion.current)
    }

    @Test func shutdownAnswersThenExitsZero() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let response = try server.call("shutdown", id: 9)
        #expect(result(response)?["shutting_down"] as? Bool == true)
        #expect(server.waitForExit() == 0)
    }

    // MARK: Batches and notifications

    @Test func batchesAnswerWithAnArrayAndSkipNotifications() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        server.send(#"[{"jsonrpc":"2.0","id":1,"method":"stats"},{"jsonrpc":"2.0","method":"stats"},"#
            + #"{"jsonrpc":"2.0","id":"b","method":"search","params":{"query":"Cork"}},{"jsonrpc":"2.0","id":3,"method":"nope"},5]"#)
        let batch = try #require(try server.nextJSON() as? [[String: Any]])
        #expect(batch.count == 4)
        #expect(batch[0]["id"] as? Int == 1 && batch[0]["result"] != nil)
        #expect(batch[1]["id"] as? String == "b" && ids(batch[1]).contains("profile/ie-cork"))
        #expect(batch[2]["id"] as? Int == 3 && code(batch[2]) == -32601)
        #expect(batch[3]["id"] is NSNull && code(batch[3]) == -32600)

        // A batch of notifications only gets no answer at all: the next line answers the next request.
        server.send(#"[{"jsonrpc":"2.0","method":"stats"},{"jsonrpc":"2.0","method":"search","params":{"query":"x"}}]"#)
        server.send(#"[]"#)
        let empty = try server.nextResponse()
        #expect(code(empty) == -32600)
        #expect(empty["id"] is NSNull)
    }

    @Test func notificationsGetNoAnswerEvenWhenTheyFail() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        server.send(#"{"jsonrpc":"2.0","method":"search","params":{"query":"hoc"}}"#)
        server.send(#"{"jsonrpc":"2.0","method":"no-such-method"}"#)
        server.send(#"{"jsonrpc":"2.0","method":"search","params":{"query":""}}"#)
        let response = try server.call("stats", id: 42)
        #expect(response["id"] as? Int == 42)
        #expect(result(response) != nil)
    }

    // MARK: Errors

    @Test func everyErrorClassHasItsCodeAndTheServerKeepsServing() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let cases: [(line: String, code: Int, id: Any?, mentions: String)] = [
            (#"{"jsonrpc":"2.0","id":1,"method":"stats""#, -32700, nil, "parse error"),
            (#"nonsense"#, -32700, nil, "parse error"),
            (#""a string""#, -32600, nil, "JSON object"),
            (#"{"jsonrpc":"2.0","id":2}"#, -32600, 2, "method"),
            (#"{"jsonrpc":"1.0","id":3,"method":"stats"}"#, -32600, 3, "jsonrpc"),
            (#"{"jsonrpc":"2.0","id":{"x":1},"method":"stats"}"#, -32600, nil, "id"),
            (#"{"jsonrpc":"2.0","id":4,"method":7}"#, -32600, 4, "method"),
            (#"{"jsonrpc":"2.0","id":5,"method":"stats","params":"x"}"#, -32600, 5, "params"),
            (#"{"jsonrpc":"2.0","id":6,"method":"searh"}"#, -32601, 6, "searh"),
            (#"{"jsonrpc":"2.0","id":7,"method":"search"}"#, -32602, 7, "query"),
            (#"{"jsonrpc":"2.0","id":8,"method":"search","params":{"query":"x","limt":3}}"#, -32602, 8, "limt"),
            (#"{"jsonrpc":"2.0","id":9,"method":"search","params":{"query":"x","limit":"ten"}}"#, -32602, 9, "limit"),
            (#"{"jsonrpc":"2.0","id":10,"method":"search","params":{"query":"x","limit":-1}}"#, -32602, 10, "limit"),
            (#"{"jsonrpc":"2.0","id":11,"method":"search","params":{"query":"x","type":"blog"}}"#, -32602, 11, "type"),
            (#"{"jsonrpc":"2.0","id":12,"method":"search","params":["x"]}"#, -32602, 12, "object"),
            (#"{"jsonrpc":"2.0","id":13,"method":"stats","params":{"verbose":true}}"#, -32602, 13, "verbose"),
            (#"{"jsonrpc":"2.0","id":14,"method":"search","params":{"query":"x","city":"Korkk"}}"#, -32001, 14, "Korkk"),
            (#"{"jsonrpc":"2.0","id":15,"method":"city","params":{"city":"Atlantis"}}"#, -32001, 15, "Atlantis"),
            (#"{"jsonrpc":"2.0","id":17,"method":"search","params":{"query":"   "}}"#, -32005, 17, "empty"),
            (#"{"jsonrpc":"2.0","id":18,"method":"cities","params":{"country":"Vietnam"}}"#, -32602, 18, "country"),
            (#"{"jsonrpc":"2.0","id":19,"method":"delete","params":{"ids":[]}}"#, -32602, 19, "ids"),
        ]
        for item in cases {
            server.send(item.line)
            let response = try server.nextResponse()
            #expect(code(response) == item.code, "\(item.line) → \(response)")
            if let id = item.id as? Int { #expect(response["id"] as? Int == id, "\(item.line)") } else { #expect(response["id"] is NSNull, "\(item.line)") }
            #expect(message(response).contains(item.mentions), "\(item.line) → \(message(response))")
        }
        let suggestion = try server.call("search", id: 20, params: ["query": "x", "city": "Korkk"])
        let suggestions = ((suggestion["error"] as? [String: Any])?["data"] as? [String: Any])?["suggestions"] as? [String]
        #expect(suggestions?.contains { $0.contains("ie-cork") } == true)
        #expect(result(try server.call("stats", id: 21)) != nil)
        // A query Xapian's parser rejects is answered from its words, and says so.
        let words = try server.call("search", id: 22, params: ["query": "learning AND"])
        #expect(result(words)?["parsed_as"] as? String == "words")
    }

    @Test func indexUnavailableUntilItIsBuiltThenServed() throws {
        let folder = try ServeFixture.temporaryFolder()
        let index = folder + "/index"
        let server = try ServeProcess(index: index)
        #expect(code(try server.call("search", id: 1, params: ["query": "Cork"])) == -32002)
        #expect(code(try server.call("stats", id: 2)) == -32002)
        #expect(code(try server.call("upsert", id: 3, params: ["documents": [["id": "a", "body": "b"]]])) == -32002)
        let built = try ServeFixture.run(["index", "--corpus", ServeFixture.fixture("ServeCorpus"), "--index", index])
        #expect(built.status == 0)
        #expect(ids(try server.call("search", id: 4, params: ["query": "Cork festival"])).contains("news/ie-cork/festival-2024"))
    }

    /// Engine errors are worded for clients: a stable code, `data.reason`
    /// and what it is about, and no command-line advice (`--allow-partial`,
    /// `--rebuild`) in the message.
    @Test func shardAndIndexErrorsCarryCodesAndDataNotCommandLineFlags() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let folder = try ServeFixture.temporaryFolder()
        let stub = folder + "/two.stub"
        // Port 1 (tcpmux) is refused at once on a machine that serves nothing there.
        try "auto \(index)\nremote 127.0.0.1:1\n".write(toFile: stub, atomically: true, encoding: .utf8)
        let server = try ServeProcess(index: stub)
        let down = try server.call("search", id: 1, params: ["query": "Cork"])
        let error = down["error"] as? [String: Any]
        let data = error?["data"] as? [String: Any]
        #expect(code(down) == -32002, "\(down)")
        #expect(data?["reason"] as? String == "shard_unavailable", "\(down)")
        #expect(data?["shard"] as? String == "127.0.0.1:1", "\(down)")
        #expect(!message(down).contains("--"), "no command-line flag in \(message(down))")

        let damaged = folder + "/damaged"
        try FileManager.default.copyItem(atPath: index, toPath: damaged)
        try FileManager.default.removeItem(atPath: damaged + "/postlist.glass")
        let other = try ServeProcess(index: damaged)
        let broken = try other.call("stats", id: 2)
        let brokenData = (broken["error"] as? [String: Any])?["data"] as? [String: Any]
        #expect(code(broken) == -32002, "\(broken)")
        #expect(brokenData?["reason"] as? String == "damaged" && brokenData?["path"] as? String == damaged, "\(broken)")
        #expect(message(broken).contains("is damaged") && !message(broken).contains("--"), "\(message(broken))")
    }

    @Test func writesWhileAnotherProcessHoldsTheLockAreRefused() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        do {
            let writer = try WritableDatabase(path: index, create: false)
            let response = try server.call("upsert", id: 1, params: ["documents": [["id": "news/locked", "body": "Cork text"]]])
            #expect(code(response) == -32003, "\(response)")
            #expect(code(try server.call("delete", id: 2, params: ["ids": ["profile/ie-cork"]])) == -32003)
            #expect(result(try server.call("search", id: 3, params: ["query": "Cork"])) != nil)
            try writer.close()
        }
        let retry = try server.call("upsert", id: 4, params: ["documents": [["id": "news/locked", "body": "Cork text"]]])
        #expect((result(retry)?["added"] as? [String]) == ["news/locked"])
    }

    // MARK: Hostile input

    @Test func garbageIsAnsweredWithParseErrors() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let garbage: [[UInt8]] = [
            [0xFF, 0xFE, 0x00, 0x01, 0x80, 0x81],                        // binary bytes
            Array(#"{"jsonrpc":"2.0","id":1,"method":"search","params":{"query":""#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8), // invalid UTF-8
            [0xED, 0xA0, 0x80],                                          // encoded surrogate
            Array("\u{0}\u{0}{}\u{7}".utf8),
            (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }.filter { $0 != 0x0A },
        ]
        for bytes in garbage {
            server.write(bytes + [0x0A])
            let response = try server.nextResponse()
            #expect(code(response) == -32700 || code(response) == -32600, "\(response)")
            #expect(response["id"] is NSNull)
        }
        #expect(message(try server.call("stats", id: 1)).isEmpty)
    }

    @Test func aHundredMegabyteLineIsSkippedAndServingResumes() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let writer = Thread {
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
            server.write(Array(#"{"jsonrpc":"2.0","id":1,"method":"search","params":{"query":""#.utf8))
            for _ in 0..<100 { guard server.write(chunk) else { return } }
            server.write(Array("\"}}\n".utf8))
            server.send(#"{"jsonrpc":"2.0","id":2,"method":"search","params":{"query":"Cork"}}"#)
        }
        writer.start()
        let next = try server.response(id: 2, timeout: 150)  // answers may come in any order
        #expect(ids(next).contains("profile/ie-cork"))
        let tooLong = try server.nextResponse(timeout: 30)
        #expect(code(tooLong) == -32600)
        #expect(message(tooLong).contains("too long"))
        let reported = message(tooLong).split(separator: " ").compactMap { Int($0) }.first ?? 0
        #expect(reported >= 100 << 20, "\(message(tooLong))")
    }

    @Test func deepNestingIsRefused() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        server.send(String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000))
        #expect(code(try server.nextResponse()) == -32700)
        server.send(#"{"jsonrpc":"2.0","id":1,"method":"search","params":{"query":"x","city":"#
            + String(repeating: "{\"a\":", count: 100) + "1" + String(repeating: "}", count: 100) + "}}")
        let nested = try server.nextResponse()
        #expect(code(nested) == -32700)
        #expect(message(nested).contains("nested"))
        // Brackets inside strings do not count.
        let quoted = try server.call("search", id: 2, params: ["query": String(repeating: "[", count: 100) + " Cork"])
        #expect(code(quoted) != -32700)
    }

    @Test func hugeLimitsAreClampedAndSaidSo() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let clamped = try #require(result(try server.call("search", id: 1, params: ["query": "learning", "limit": 1_000_000_000_000])))
        #expect(clamped["limit_clamped"] as? Int == 1000)
        #expect((clamped["results"] as? [Any])?.isEmpty == false)
        let normal = try #require(result(try server.call("search", id: 2, params: ["query": "learning", "limit": 5])))
        #expect(normal["limit_clamped"] == nil)
        server.send(#"{"jsonrpc":"2.0","id":3,"method":"search","params":{"query":"learning","limit":1e300}}"#)
        #expect(code(try server.nextResponse()) == -32602)
        let offset = try #require(result(try server.call("search", id: 4, params: ["query": "learning", "offset": Int.max])))
        #expect((offset["results"] as? [Any])?.isEmpty == true)
        let wildcard = try server.call("search", id: 5, params: ["query": "l* OR a* OR c*"])
        #expect(result(wildcard) != nil)
    }

    // MARK: Streams

    @Test func endOfInputAnswersEverythingThenExitsZero() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        for id in 1...20 { server.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"search","params":{"query":"learning"}}"#) }
        server.write(Array(#"{"jsonrpc":"2.0","id":21,"method":"stats"}"#.utf8))  // last line without a newline
        server.closeInput()
        let answered = try (1...21).map { _ in try server.nextResponse()["id"] as? Int }  // in any order: match by id
        #expect(answered.compactMap { $0 }.sorted() == Array(1...21))
        #expect(server.waitForExit() == 0)
        #expect(server.outputHasEnded())
    }

    @Test func aClosedStdoutEndsTheServerQuietly() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, readOutput: false)
        server.closeOutput()
        for id in 1...3 { server.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"stats"}"#) }
        #expect(server.waitForExit() == 0)
        #expect(!server.standardError.contains("Fatal"))
    }

    // MARK: Live index

    @Test func aConcurrentReindexIsPickedUpWhileQueriesFlow() throws {
        let (corpus, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        #expect(ids(try server.call("search", id: 0, params: ["query": "zyzzyva"])).isEmpty)

        let extra = corpus + "/documents/extra.jsonl"
        let line = #"{"id": "news/ie-cork/zyzzyva", "type": "news", "title": "Zyzzyva week", "body": "Cork learners study the zyzzyva weevil.", "cities": ["ie-cork"], "lang": "en", "date": "2025-01-01"}"#
        let finished = ServeFixture.Box(false)
        let reindexFailures = ServeFixture.Box<[String]>([])
        let reindexer = Thread {
            for round in 0..<6 {
                if round % 2 == 0 {
                    try? (line + "\n").write(toFile: extra, atomically: true, encoding: .utf8)
                } else {
                    try? FileManager.default.removeItem(atPath: extra)
                }
                if round == 5 { try? (line + "\n").write(toFile: extra, atomically: true, encoding: .utf8) }
                do {
                    let run = try ServeFixture.run(["index", "--corpus", corpus, "--index", index])
                    if run.status != 0 { reindexFailures.value.append(run.stderr) }
                } catch {
                    reindexFailures.value.append("\(error)")
                }
            }
            finished.value = true
        }
        reindexer.start()
        var answered = 0
        var errors: [String] = []
        var id = 1
        while true {
            if finished.value { break }
            let response = try server.call("search", id: id, params: ["query": "learning OR zyzzyva"])
            if response["id"] as? Int == id, result(response) != nil { answered += 1 } else { errors.append("\(response)") }
            id += 1
        }
        #expect(reindexFailures.value.isEmpty, "\(reindexFailures.value)")
        #expect(errors.isEmpty, "\(errors)")
        #expect(answered == id - 1)
        #expect(answered > 0)
        #expect(ids(try server.call("search", id: id, params: ["query": "zyzzyva"])) == ["news/ie-cork/zyzzyva"])
    }

    @Test func upsertThenSearchFindsItAndDeleteRemovesIt() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let document: [String: Any] = ["id": "news/vn-son-la/quokka", "type": "news", "title": "Lớp học quokka",
                                       "body": "Người dân Sơn La học về loài quokka ở thư viện.", "cities": ["vn-son-la"],
                                       "date": "2025-05-05", "lang": "vi"]
        let added = try #require(result(try server.call("upsert", id: 1, params: ["documents": [document]])))
        #expect(added["added"] as? [String] == ["news/vn-son-la/quokka"])
        #expect(added["committed"] as? Bool == true)
        #expect(added["documents"] as? Int == 9)
        #expect(ids(try server.call("search", id: 2, params: ["query": "quokka"])) == ["news/vn-son-la/quokka"])
        #expect(ids(try server.call("search", id: 3, params: ["query": "quokka", "city": "Sơn La"])) == ["news/vn-son-la/quokka"])

        // Another process sees the committed document too.
        let cli = try ServeFixture.run(["search", "--index", index, "--json", "quokka"])
        #expect(cli.stdout.contains("news/vn-son-la/quokka"))

        var changed = document
        changed["title"] = "Lớp học wombat"
        changed["body"] = "Người dân Sơn La học về loài wombat."
        let updated = try #require(result(try server.call("upsert", id: 4, params: ["documents": [changed]])))
        #expect(updated["updated"] as? [String] == ["news/vn-son-la/quokka"])
        #expect(ids(try server.call("search", id: 5, params: ["query": "quokka"])).isEmpty)
        #expect(ids(try server.call("search", id: 6, params: ["query": "wombat"])) == ["news/vn-son-la/quokka"])

        let deleted = try #require(result(try server.call("delete", id: 7, params: ["ids": ["news/vn-son-la/quokka", "news/none"]])))
        #expect(deleted["deleted"] as? [String] == ["news/vn-son-la/quokka"])
        #expect(deleted["missing"] as? [String] == ["news/none"])
        #expect(deleted["documents"] as? Int == 8)
        #expect(ids(try server.call("search", id: 8, params: ["query": "wombat"])).isEmpty)
    }

    @Test func upsertValidatesWithTheCorpusRules() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let bad: [(documents: Any, mentions: String)] = [
            ([["id": "a", "body": "x", "date": "2024-02-30"]], "date"),
            ([["id": "a"]], "body"),
            ([["id": "a", "body": "x", "cities": ["xx-nowhere"]]], "xx-nowhere"),
            ([["id": "a", "body": "x", "type": "blog"]], "type"),
            ([["id": "a", "body": "x"], ["id": "a", "body": "y"]], "duplicate"),
            ([] as [Any], "documents"),
            (["not an object"], "documents[0]"),
        ]
        for (position, item) in bad.enumerated() {
            let response = try server.call("upsert", id: position, params: ["documents": item.documents])
            #expect(code(response) == -32602, "\(item.documents)")
            #expect(message(response).contains(item.mentions), "\(message(response))")
        }
        #expect(result(try server.call("stats", id: 99))?["documents"] as? Int == 8)
    }

    @Test func acknowledgedUpsertsSurviveAKill() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index)
        let response = try server.call("upsert", id: 1, params: ["documents": [["id": "news/durable", "body": "Cork durable axolotl"]]])
        #expect(result(response)?["committed"] as? Bool == true)
        server.kill()
        let again = try ServeProcess(index: index)
        #expect(ids(try again.call("search", id: 1, params: ["query": "axolotl"])) == ["news/durable"])
    }
}
