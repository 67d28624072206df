import Foundation
import JSONRPC
import LearncityServe
import LearningCities
import Testing

/// The `serve` protocol in memory: request lines answered by
/// `JSONRPCServer.respond(to:)` over a `RequestDispatcher` on a real index,
/// without a process or pipes (the subprocess tests in CLITests cover those).
@Suite struct RequestDispatcherTests {
    /// A small corpus written for these tests: two cities that share the
    /// alias "Twin Town", one document each.
    static let index: Result<String, Error> = {
        let folder = NSTemporaryDirectory() + "learncity-dispatch-" + UUID().uuidString
        let corpus = folder + "/corpus"
        do {
            try FileManager.default.createDirectory(atPath: corpus + "/documents", withIntermediateDirectories: true)
            try """
            {"id": "ie-cork", "name": "Cork", "country": "IE", "aliases": ["Twin Town"], "region": "Europe and North America", "joined": 2015}
            {"id": "kr-suwon", "name": "Suwon", "country": "KR", "aliases": ["Twin Town"], "region": "Asia and the Pacific", "joined": 2016}
            """.write(toFile: corpus + "/cities.jsonl", atomically: true, encoding: .utf8)
            try """
            {"id": "news/ie-cork/festival", "type": "news", "title": "Cork Lifelong Learning Festival", "body": "The Cork Lifelong Learning Festival brings free learning events to every neighbourhood of the city.", "cities": ["ie-cork"], "lang": "en", "source": "https://www.corklearningcity.ie/"}
            {"id": "news/kr-suwon/library", "type": "news", "title": "Suwon learning libraries", "body": "Suwon opens community libraries for lifelong learning and adult literacy in every district.", "cities": ["kr-suwon"], "lang": "en", "source": "https://www.suwon.go.kr/"}
            """.write(toFile: corpus + "/documents/news.jsonl", atomically: true, encoding: .utf8)
            let index = folder + "/index"
            _ = try CorpusIndexer(corpusPath: corpus, indexPath: index, strict: true).run()
            return .success(index)
        } catch {
            return .failure(error)
        }
    }()

    let server: JSONRPCServer

    init() throws {
        server = JSONRPCServer(dispatcher: RequestDispatcher(index: LiveIndex(path: try Self.index.get())), log: { _ in })
    }

    /// The answer to one request line, decoded.
    private func answer(_ line: String) throws -> JSONValue? {
        guard let bytes = server.respond(to: Array(line.utf8)) else { return nil }
        return try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    @Test func aSearchIsAnsweredWithItsID() throws {
        let response = try #require(try answer(#"{"jsonrpc":"2.0","id":7,"method":"search","params":{"query":"festival"}}"#))
        #expect(response["id"] == .integer(7))
        #expect(response["result"]?["total"] == .integer(1), "\(response)")
        #expect(response["result"]?["results"]?.arrayValue?.first?["id"] == .string("news/ie-cork/festival"))
    }

    @Test func aBatchAnswersRequestsInOrderAndSkipsNotifications() throws {
        let line = #"[{"jsonrpc":"2.0","id":1,"method":"version"},{"jsonrpc":"2.0","method":"stats"},"# +
            #"{"jsonrpc":"2.0","id":2,"method":"nope"}]"#
        let responses = try #require(try answer(line)?.arrayValue)
        #expect(responses.map { $0["id"] } == [.integer(1), .integer(2)])
        #expect(responses[0]["result"]?["version"] == .string(LearncityVersion.current))
        #expect(responses[1]["error"]?["code"] == .integer(JSONRPCErrorCode.methodNotFound.rawValue))
        #expect(try answer(#"{"jsonrpc":"2.0","method":"stats"}"#) == nil, "a notification gets no answer")
        #expect(try answer("   ") == nil, "a blank line gets no answer")
    }

    @Test func malformedLinesAreParseErrorsWithANullID() throws {
        for line in [#"{"jsonrpc":"2.0","id":1,"method":"stats""#, "nonsense", String(repeating: "[", count: 100)] {
            let response = try #require(try answer(line))
            #expect(response["error"]?["code"] == .integer(JSONRPCErrorCode.parseError.rawValue), "\(line)")
            #expect(response["id"] == .null)
        }
    }

    /// One resolver, one code: an ambiguous name is -32001 with the
    /// candidates in every method that takes a city.
    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":1,"method":"search","params":{"query":"learning","city":"Twin Town"}}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"recommend","params":{"city":"Twin Town"}}"#,
        #"{"jsonrpc":"2.0","id":1,"method":"city","params":{"city":"Twin Town"}}"#,
    ])
    func anAmbiguousCityIsTheSameErrorEverywhere(line: String) throws {
        let error = try #require(try answer(line)?["error"], "\(line)")
        #expect(error["code"] == .integer(JSONRPCErrorCode.unknownCity.rawValue), "\(error)")
        #expect(error["data"]?["ambiguous"] == .bool(true), "\(error)")
        #expect(error["data"]?["param"] == .string("city"))
        let suggestions = error["data"]?["suggestions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(suggestions.count == 2, "\(error)")
    }

    /// One country check (CountryCode) behind every `country` param: any case
    /// is accepted, anything but two letters is the same invalid-params error.
    @Test func everyCountryParamIsCheckedAlike() throws {
        var messages: Set<String> = []
        for method in ["search", "recommend", "cities"] {
            var params = #""country":"V1""#
            if method == "search" { params += #","query":"learning""# }
            if method == "recommend" { params += #","city":"Cork""# }
            let error = try #require(try answer(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":{\#(params)}}"#)?["error"])
            #expect(error["code"] == .integer(JSONRPCErrorCode.invalidParams.rawValue), "\(method): \(error)")
            #expect(error["data"]?["param"] == .string("country"), "\(method)")
            messages.insert(error["message"]?.stringValue ?? "")
        }
        #expect(messages.count == 1, "\(messages)")
        let lower = try #require(try answer(#"{"jsonrpc":"2.0","id":2,"method":"recommend","params":{"city":"Cork","country":"kr"}}"#))
        #expect(lower["error"] == nil, "\(lower)")
    }

    /// Engine errors as clients get them: a stable code and `data.reason`,
    /// and never a command-line flag in the message.
    @Test func engineErrorsAreWordedForClients() {
        let path = "/srv/index"
        let errors: [Error] = [
            IndexError.missing(path), IndexError.locked(path), IndexError.damaged(path, detail: "EOF reading block 3"),
            IndexError.diskFull(path, detail: "No space left on device"),
            IndexError.notWritable(path, reason: "read-only"), IndexError.notReadable(path, reason: "permission denied"),
            ShardError.unavailable(shard: "10.0.0.2:33333", reason: "Connection refused"),
            ShardError.noneAvailable(["10.0.0.2:33333", "10.0.0.3:33333"]),
            ShardError.badStub(file: "/srv/index.stub", line: 3, reason: "expected 'remote HOST:PORT'"),
            ShardError.remoteShard(shard: "10.0.0.2:33333", operation: "write document 'x' to"),
        ]
        for error in errors {
            let rpc = ServeErrorWording.rpcError(for: error)
            #expect(rpc.code != JSONRPCErrorCode.internalError.rawValue, "\(error) → \(rpc)")
            #expect(!rpc.message.contains("--") && !rpc.message.contains("learncity "), "\(rpc.message)")
            let reason = rpc.data?["reason"]?.stringValue
            #expect(reason == (error as? IndexError)?.code ?? (error as? ShardError)?.code, "\(rpc)")
        }
        #expect(ServeErrorWording.rpcError(for: ShardError.unavailable(shard: "h:1", reason: "down")).code
                == JSONRPCErrorCode.indexUnavailable.rawValue)
        #expect(ServeErrorWording.rpcError(for: IndexError.diskFull(path, detail: "")).code
                == JSONRPCErrorCode.indexNotWritable.rawValue)
        #expect(ServeErrorWording.rpcError(for: IndexError.damaged(path, detail: "x")).data?["path"] == .string(path))
    }
}

private extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }
}
