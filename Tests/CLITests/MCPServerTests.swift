import Foundation
import LearningCities
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `learncity mcp` as a subprocess: a real MCP client (the official Python
/// SDK) through a whole dialogue, and the hostile inputs of the serve tests.
@Suite(.serialized)
struct MCPServerTests {
    private func code(_ response: [String: Any]) -> Int? {
        (response["error"] as? [String: Any])?["code"] as? Int
    }

    private func result(_ response: [String: Any]) -> [String: Any]? {
        response["result"] as? [String: Any]
    }

    @Test func theOfficialPythonClientCompletesEveryDialogue() throws {
        let index = try ServeFixture.temporaryFolder() + "/index"
        let build = try ServeFixture.run(["index", "--corpus", ServeFixture.packageRoot + "/corpus", "--index", index, "--strict"])
        try #require(build.status == 0, "indexing the shipped corpus failed: \(build.stderr)")
        let script = ServeFixture.packageRoot + "/Tests/python/mcp_client_check.py"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, ServeFixture.binary, index]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("No module named 'mcp'"), "the MCP Python SDK is missing: run scripts/install-deps")
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
    }

    @Test func theHandshakeNegotiatesAVersionAndDiscoverListsThem() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, subcommand: "mcp")
        let old = try server.call("initialize", params: ["protocolVersion": "2024-11-05", "capabilities": [:],
                                                         "clientInfo": ["name": "test", "version": "1"]])
        #expect(result(old)?["protocolVersion"] as? String == "2024-11-05")
        #expect((result(old)?["serverInfo"] as? [String: Any])?["version"] as? String == LearncityVersion.current,
                "the MCP server reports the version of --version, stats and serve's version")
        let future = try server.call("initialize", id: 2, params: ["protocolVersion": "2099-01-01", "capabilities": [:],
                                                                   "clientInfo": ["name": "test", "version": "1"]])
        #expect(result(future)?["protocolVersion"] as? String == "2025-11-25")
        let discover = try server.call("server/discover", id: 3, params: [:])
        #expect((result(discover)?["supportedVersions"] as? [String])?.contains("2026-07-28") == true)
        #expect(result(discover)?["resultType"] as? String == "complete")
        let unsupported = try server.call("tools/list", id: 4, params: ["_meta": ["io.modelcontextprotocol/protocolVersion": "1999-01-01"]])
        #expect(code(unsupported) == -32022)
        #expect(((unsupported["error"] as? [String: Any])?["data"] as? [String: Any])?["supported"] is [String])
        let missing = try server.call("initialize", id: 5, params: ["capabilities": [:]])
        #expect(code(missing) == -32602)
    }

    @Test func hostileInputIsAnsweredAndTheServerKeepsServing() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let server = try ServeProcess(index: index, subcommand: "mcp")
        let garbage: [[UInt8]] = [
            [0xFF, 0xFE, 0x00, 0x01, 0x80, 0x81],
            Array(#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search","arguments":{"query":""#.utf8) + [0xC3, 0x28] + Array(#""}}}"#.utf8),
            Array(String(repeating: "[", count: 100_000).utf8),
            Array(#"{"jsonrpc":"2.0","id":1,"method":"#.utf8),
            Array("[]".utf8),
        ]
        for bytes in garbage {
            server.write(bytes + [0x0A])
            let response = try server.nextResponse()
            #expect(code(response) == -32700 || code(response) == -32600, "\(response)")
        }
        // A line over the cap is skipped without being held in memory.
        let big = String(repeating: "a", count: 3 << 20)
        server.send(#"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"search","arguments":{"query":""# + big + "\"}}}")
        #expect(code(try server.nextResponse(timeout: 60)) == -32600)
        // Ill-formed MCP requests are protocol errors, not crashes.
        #expect(code(try server.call("tools/call", id: 10, params: ["name": 42])) == -32602)
        #expect(code(try server.call("tools/call", id: 11, params: ["name": "search", "arguments": [1, 2]])) == -32602)
        #expect(code(try server.call("resources/read", id: 12, params: ["uri": "file:///etc/passwd"])) == -32602)
        #expect(code(try server.call("resources/list", id: 13, params: ["cursor": "o:-5"])) == -32602)
        #expect(code(try server.call("prompts/get", id: 14, params: ["name": "find-partners", "arguments": ["city": 7]])) == -32602)
        #expect(code(try server.call("sampling/createMessage", id: 15, params: [:])) == -32601)
        // Huge limits and numbers out of range come back as tool errors.
        let huge = try server.call("tools/call", id: 16, params: ["name": "search", "arguments": ["query": "Cork", "limit": 1e300]])
        #expect(result(huge)?["isError"] as? Bool == true)
        // A batch: answered as an array, the notification skipped.
        server.send(#"[{"jsonrpc":"2.0","id":20,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":20}},{"jsonrpc":"2.0","id":21,"method":"tools/list"}]"#)
        let batch = try server.nextJSON() as? [[String: Any]]
        #expect(batch?.count == 2)
        // And the server still answers a good call.
        let call = try server.call("tools/call", id: 30, params: ["name": "search", "arguments": ["query": "Cork"]])
        #expect(result(call)?["isError"] as? Bool == false)
        #expect(((result(call)?["structuredContent"] as? [String: Any])?["total"] as? Int ?? 0) > 0)
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func aMissingIndexIsAToolErrorThatSaysHowToBuildIt() throws {
        let folder = try ServeFixture.temporaryFolder()
        let server = try ServeProcess(index: folder + "/nothing-here", subcommand: "mcp")
        let call = try server.call("tools/call", params: ["name": "search", "arguments": ["query": "literacy"]])
        #expect(result(call)?["isError"] as? Bool == true)
        let text = ((result(call)?["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
        #expect(text.contains("learncity index"), "\(text)")
    }
}
