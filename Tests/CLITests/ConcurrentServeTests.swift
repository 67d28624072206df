import Foundation
import Testing

/// `learncity serve` answering on several threads: every request answered
/// exactly once under its id, `--ordered` keeping request order, and writes
/// ordered against the reads sent before and after them (a real index, the
/// real binary, requests pipelined without waiting for answers).
@Suite struct ConcurrentServeTests {
    /// The JSON line of a request.
    static func line(_ method: String, id: Any?, params: [String: Any]? = nil) throws -> String {
        var request: [String: Any] = ["jsonrpc": "2.0", "method": method]
        if let id { request["id"] = id }
        if let params { request["params"] = params }
        return String(decoding: try JSONSerialization.data(withJSONObject: request, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Every response line until the server ends its output, parsed.
    static func allResponses(of server: ServeProcess) throws -> [[String: Any]] {
        var responses: [[String: Any]] = []
        while let response = try? server.nextResponse(timeout: 120) {  // throws once the output has ended
            responses.append(response)
        }
        return responses
    }

    /// The ids of a search answer's hits.
    static func hitIDs(_ response: [String: Any]) -> [String] {
        ((response["result"] as? [String: Any])?["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    /// A news document about `word` in Cork.
    static func document(_ id: String, word: String) -> [String: Any] {
        ["id": id, "type": "news", "title": "The \(word) week", "body": "Cork learners study the \(word) together.",
         "cities": ["ie-cork"], "lang": "en", "date": "2025-01-01"]
    }

    /// Read requests of every read method, with ids of both kinds.
    static func mixedReads(count: Int) throws -> [(id: String, line: String)] {
        let methods: [(String, [String: Any]?)] = [
            ("search", ["query": "hoc tap", "limit": 5]), ("search", ["query": "learning", "city": "Cork"]),
            ("recommend", ["city": "vn-son-la", "limit": 3]), ("compare", ["a": "vn-son-la", "b": "ie-cork"]),
            ("city", ["city": "Cork"]), ("cities", nil), ("stats", nil), ("version", nil),
        ]
        return try (0..<count).map { number in
            let (method, params) = methods[number % methods.count]
            let id = number % 2 == 0 ? "r-\(number)" : "\(number)"
            return (id, try line(method, id: number % 2 == 0 ? id as Any : number as Any, params: params))
        }
    }

    static func idText(_ response: [String: Any]) -> String {
        if let id = response["id"] as? Int { return String(id) }
        return response["id"] as? String ?? "null"
    }

    @Test func everyRequestIsAnsweredExactlyOnceUnderItsID() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, extraArguments: ["--workers", "4"])
        let requests = try Self.mixedReads(count: 120).shuffled()
        for request in requests { server.send(request.line) }
        server.closeInput()
        let responses = try Self.allResponses(of: server)
        #expect(server.waitForExit(timeout: 60) == 0)
        let answered = responses.map(Self.idText)
        #expect(answered.count == requests.count)
        #expect(Set(answered) == Set(requests.map(\.id)))
        #expect(responses.allSatisfy { $0["result"] != nil }, "\(responses.filter { $0["result"] == nil })")
    }

    @Test func orderedAnswersInRequestOrder() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, extraArguments: ["--workers", "4", "--ordered"])
        let requests = try Self.mixedReads(count: 60)
        for request in requests { server.send(request.line) }
        server.send("")  // a blank line: no answer, no gap
        server.send(#"{"jsonrpc":"2.0","method":"stats"}"#)  // a notification: no answer
        server.send(#"[{"jsonrpc":"2.0","id":"b1","method":"version"},{"jsonrpc":"2.0","id":"b2","method":"stats"}]"#)
        server.closeInput()
        let responses = try requests.map { _ in try server.nextResponse(timeout: 120) }
        #expect(responses.map(Self.idText) == requests.map(\.id))
        let batch = try #require(try server.nextJSON(timeout: 120) as? [[String: Any]])
        #expect(batch.map(Self.idText) == ["b1", "b2"])
        #expect(server.waitForExit(timeout: 60) == 0)
    }

    @Test func aWriteIsSeenByTheReadsAfterItAndNotByThoseBefore() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, extraArguments: ["--workers", "4"])
        var lines: [String] = []
        for id in 1...12 { lines.append(try Self.line("search", id: id, params: ["query": "zyzzyva"])) }
        lines.append(try Self.line("upsert", id: 100, params: ["documents": [Self.document("news/ie-cork/zyzzyva", word: "zyzzyva")]]))
        for id in 13...24 { lines.append(try Self.line("search", id: id, params: ["query": "zyzzyva"])) }
        lines.append(try Self.line("delete", id: 101, params: ["ids": ["news/ie-cork/zyzzyva"]]))
        for id in 25...36 { lines.append(try Self.line("search", id: id, params: ["query": "zyzzyva"])) }
        server.send(lines.joined(separator: "\n"))
        server.closeInput()
        let responses = try Self.allResponses(of: server)
        #expect(server.waitForExit(timeout: 60) == 0)
        var byID: [Int: [String: Any]] = [:]
        for response in responses { byID[response["id"] as? Int ?? -1] = response }
        #expect(responses.count == 38)
        #expect((byID[100]?["result"] as? [String: Any])?["added"] as? [String] == ["news/ie-cork/zyzzyva"])
        #expect((byID[101]?["result"] as? [String: Any])?["deleted"] as? [String] == ["news/ie-cork/zyzzyva"])
        for id in 1...36 {
            let expected = (13...24).contains(id) ? ["news/ie-cork/zyzzyva"] : []
            #expect(Self.hitIDs(byID[id] ?? [:]) == expected, "search \(id)")
        }
    }

    @Test func manyInterleavedLinesAreAnsweredOnceAndSeeEveryEarlierWrite() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, extraArguments: ["--workers", "3"])
        // Words written one at a time; after write k, a search for word j finds it iff j <= k.
        let words = (0..<8).map { "quux\(["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"][$0])" }
        var lines: [String] = []
        var expected: [String: [String]] = [:]  // search id -> hit ids expected
        var answerable: Set<String> = []
        var written = 0
        var generator = SystemRandomNumberGenerator()
        var number = 0
        func nextID() -> String { number += 1; return "s\(number)" }
        for round in 0..<240 {
            switch round % 30 {
            case 29 where written < words.count:
                let id = "w\(written)"
                lines.append(try Self.line("upsert", id: id, params: ["documents": [Self.document("news/ie-cork/\(words[written])", word: words[written])]]))
                answerable.insert(id)
                written += 1
            case 7:
                lines.append(try Self.line("stats", id: nil))  // notification
            case 11:
                let a = nextID(), b = nextID()
                lines.append("[" + (try Self.line("version", id: a)) + "," + (try Self.line("cities", id: b)) + "]")
                answerable.formUnion([a + "+" + b])
            case 13:
                lines.append("{not json")
                answerable.insert("null#\(round)")
            default:
                let id = nextID()
                let word = words[Int.random(in: 0..<words.count, using: &generator)]
                lines.append(try Self.line("search", id: id, params: ["query": word]))
                expected[id] = words.prefix(written).contains(word) ? ["news/ie-cork/\(word)"] : []
                answerable.insert(id)
            }
        }
        server.send(lines.joined(separator: "\n"))
        server.closeInput()
        var lineCount = 0
        var seen: [String] = []
        while let line = try? server.nextLine(timeout: 120) {  // throws once the output has ended
            lineCount += 1
            let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
            if let batch = value as? [[String: Any]] {
                #expect(batch.count == 2)
                seen.append(batch.map(Self.idText).joined(separator: "+"))
            } else if let response = value as? [String: Any] {
                let id = Self.idText(response)
                if id == "null" {
                    seen.append("null")
                    continue
                }
                seen.append(id)
                if let hits = expected[id] { #expect(Self.hitIDs(response) == hits, "search \(id)") }
                if id.hasPrefix("w") { #expect((response["result"] as? [String: Any])?["committed"] as? Bool == true) }
            }
        }
        #expect(server.waitForExit(timeout: 60) == 0)
        #expect(lineCount == answerable.count)
        let named = seen.filter { $0 != "null" }
        #expect(named.count == Set(named).count, "an id was answered twice")
        #expect(Set(named) == answerable.filter { !$0.hasPrefix("null#") })
        #expect(seen.filter { $0 == "null" }.count == answerable.filter { $0.hasPrefix("null#") }.count)
    }

    @Test func shutdownAnswersEverythingBeforeItAndNothingAfter() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, extraArguments: ["--workers", "4"])
        var lines: [String] = []
        for id in 1...30 { lines.append(try Self.line(id % 3 == 0 ? "recommend" : "search", id: id,
                                                       params: id % 3 == 0 ? ["city": "vn-son-la"] : ["query": "learning"])) }
        lines.append(try Self.line("shutdown", id: 99))
        for id in 31...40 { lines.append(try Self.line("search", id: id, params: ["query": "learning"])) }
        server.send(lines.joined(separator: "\n"))
        let responses = try Self.allResponses(of: server)
        #expect(server.waitForExit(timeout: 60) == 0)
        let ids = responses.compactMap { $0["id"] as? Int }
        #expect(Set(ids) == Set(Array(1...30) + [99]))
        #expect(ids.count == 31)
        #expect(ids.last == 99)
    }
}
