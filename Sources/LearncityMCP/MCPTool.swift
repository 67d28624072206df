import Foundation
import JSONRPC
import LearncityServe
import LearningCities

/// One MCP tool: what `tools/list` shows a model (name, description, JSON
/// Schemas of its arguments and of its structured result) and how a call
/// runs: as the `serve` method of the same name, whose result is the same
/// object the CLI prints with `--json`.
struct MCPTool: Sendable {
    /// The tool's name, also the `serve` method it runs.
    let name: String
    /// A short human title.
    let title: String
    /// What the tool does, written for a model choosing a tool and filling its arguments.
    let description: String
    /// JSON Schema of `arguments`.
    let inputSchema: JSONValue
    /// JSON Schema of `structuredContent`.
    let outputSchema: JSONValue
    /// The short readable text returned next to the structured result.
    let summarize: @Sendable (JSONValue) -> String
    /// What of the method's result goes into `structuredContent`, and any further
    /// content blocks (e.g. an HTML page as an embedded resource); by default the whole result.
    let present: @Sendable (JSONValue) -> (structured: JSONValue, extra: [JSONValue])

    /// A tool whose schemas are given as JSON text (checked by the tests: a
    /// schema that does not parse is a programming error).
    init(name: String, title: String, description: String, input: String, output: String,
         summarize: @escaping @Sendable (JSONValue) -> String,
         present: @escaping @Sendable (JSONValue) -> (structured: JSONValue, extra: [JSONValue]) = { ($0, []) }) {
        self.present = present
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = Self.parse(input, what: "\(name) input schema")
        self.outputSchema = Self.parse(output, what: "\(name) output schema")
        self.summarize = summarize
    }

    /// The entry of `tools/list`.
    var listing: JSONValue {
        .object([
            "name": .string(name),
            "title": .string(title),
            "description": .string(description),
            "inputSchema": inputSchema,
            "outputSchema": outputSchema,
            "annotations": .object(["readOnlyHint": .bool(true), "idempotentHint": .bool(true),
                                    "openWorldHint": .bool(false), "destructiveHint": .bool(false)]),
        ])
    }

    /// The property names `inputSchema` declares.
    var argumentNames: [String] {
        inputSchema["properties"]?.objectValue.map { Array($0.keys).sorted() } ?? []
    }

    private static func parse(_ text: String, what: String) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            preconditionFailure("learncity mcp: the \(what) is not JSON: \(error)")
        }
    }
}
