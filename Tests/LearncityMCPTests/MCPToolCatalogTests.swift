import Foundation
import Testing
@testable import LearncityMCP
import JSONRPC
import LearningCities

/// The tool catalog against the engine it runs: every argument a tool's
/// schema declares is a param its `serve` method accepts, so a model that
/// follows the schema is never told "not a param".
@Suite struct MCPToolCatalogTests {
    /// An index of the shipped corpus, built once for the suite.
    static let index: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = NSTemporaryDirectory() + "learncity-mcp-tests-" + UUID().uuidString
        do {
            _ = try CorpusIndexer(corpusPath: root.appendingPathComponent("corpus").path, indexPath: path).run()
        } catch {
            Issue.record("indexing the shipped corpus failed: \(error)")
        }
        return path
    }()

    /// A value of the type `schema` declares.
    private func sample(for schema: JSONValue) -> JSONValue {
        if let values = schema["enum"]?.arrayValue, let first = values.first { return first }
        switch schema["type"]?.stringValue {
        case "integer"?: return .integer(1)
        case "boolean"?: return .bool(true)
        default: return .string(schema["pattern"] == nil ? "Sơn La" : "VN")
        }
    }

    @Test func everyDeclaredArgumentIsAcceptedByItsMethod() throws {
        let server = MCPServer(index: LiveIndex(path: Self.index), version: "test") { _ in }
        for tool in MCPToolCatalog.all {
            let properties = try #require(tool.inputSchema["properties"]?.objectValue, "\(tool.name)")
            for (name, schema) in properties {
                var arguments: [String: JSONValue] = [name: sample(for: schema)]
                for required in tool.inputSchema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where arguments[required] == nil {
                    arguments[required] = sample(for: properties[required]!)
                }
                let result = try server.callTool(["name": .string(tool.name), "arguments": .object(arguments)])
                let text = result["content"]?.arrayValue?.first?["text"]?.stringValue ?? ""
                #expect(!text.contains("not a param"), "\(tool.name).\(name): \(text)")
            }
        }
    }

    @Test func schemasAreObjectsWithDescriptionsForEveryArgument() {
        for tool in MCPToolCatalog.all {
            #expect(tool.inputSchema["type"]?.stringValue == "object", "\(tool.name)")
            #expect(tool.outputSchema["type"]?.stringValue == "object", "\(tool.name)")
            for (name, schema) in tool.inputSchema["properties"]?.objectValue ?? [:] {
                let description = schema["description"]?.stringValue ?? ""
                #expect(description.count > 10, "\(tool.name).\(name) has no description")
            }
            #expect(tool.description.count > 100, "\(tool.name): describe it for a model")
        }
    }

    @Test func aToolFailureIsAResultThatSaysHowToFixTheCall() throws {
        let server = MCPServer(index: LiveIndex(path: Self.index), version: "test") { _ in }
        let unknown = try server.callTool(["name": .string("recommend"),
                                           "arguments": .object(["city": .string("Sonla City of Nowhere")])])
        #expect(unknown["isError"] == .bool(true))
        #expect(unknown["content"]?.arrayValue?.first?["text"]?.stringValue?.contains("`cities` tool") == true)
        #expect(throws: JSONRPCError.self) { try server.callTool(["name": .string("no-such-tool")]) }
    }
}
