import Foundation
import JSONRPC
import LearncityServe
import LearningCities

/// learncity as a Model Context Protocol server: the methods of MCP over the
/// same JSON-RPC 2.0 line transport as `learncity serve` (so the same
/// hostile-input handling), with the engine's `serve` methods as tools, the
/// index's cities and documents as resources, and ready-made prompts.
///
/// Both protocol eras are served: the `initialize` handshake (2024-11-05 …
/// 2025-11-25) and the 2026-07-28 per-request envelope (`server/discover`,
/// `_meta` naming the revision, `resultType` on every result).
///
/// Requests are answered one at a time, in order, each before the next line
/// is read; a `notifications/cancelled` therefore always names a request that
/// is already answered, and is ignored, as the specification allows.
public final class MCPServer: JSONRPCMethods {
    /// The engine methods the tools run.
    public let engine: RequestDispatcher
    /// MCP has no shutdown request: the session ends when the client closes standard input.
    public let shutdownRequested = false
    /// The server's name and version, as `initialize` and `server/discover` report them.
    public let serverInfo: JSONValue
    /// Where log lines go (standard error; never the protocol output).
    private let log: (String) -> Void
    /// The level set by `logging/setLevel` (only recorded: logs go to standard error).
    private(set) var logLevel = "info"

    /// A server over `index`.
    public init(index: LiveIndex, version: String, log: @escaping (String) -> Void) {
        self.engine = RequestDispatcher(index: index)
        self.serverInfo = .object(["name": .string("learncity"), "title": .string("learncity: UNESCO learning cities"),
                                   "version": .string(version)])
        self.log = log
    }

    /// What the server can do, for `initialize` and `server/discover`.
    static let capabilities: JSONValue = .object([
        "tools": .object(["listChanged": .bool(false)]),
        "resources": .object(["subscribe": .bool(false), "listChanged": .bool(false)]),
        "prompts": .object(["listChanged": .bool(false)]),
        "completions": .object([:]),
        "logging": .object([:]),
    ])

    /// Guidance for the assistant, sent once when the connection opens.
    static let instructions = """
        learncity searches UNESCO Global Network of Learning Cities material (city profiles, lifelong-learning \
        initiatives, news; Vietnamese and English, accents optional) and recommends partner cities. Use `search` for \
        documents, `recommend` for partner cities with reasons, `city` and `cities` for facts and ids. Every document \
        carries a source URL: cite it. Cities may be named by id (vn-son-la), name or alias (Sơn La, son la, TP.HCM).
        """

    /// The methods whose 2026-07-28 results say how long a client may cache them.
    static let cacheableMethods: Set<String> = ["server/discover", "tools/list", "resources/list", "resources/templates/list",
                                                 "resources/read", "prompts/list"]

    /// Runs one MCP request.
    public func dispatch(_ request: JSONRPCRequest) -> Result<any Encodable & Sendable, JSONRPCError> {
        let params = request.params?.objectValue ?? [:]
        var modern = request.method == "server/discover"
        if let requested = params["_meta"]?[MCPProtocolVersion.metaKey] {
            guard let version = requested.stringValue, MCPProtocolVersion.supported.contains(version) else {
                return .failure(MCPError.unsupportedProtocolVersion(requested.stringValue ?? "\(requested)"))
            }
            modern = modern || MCPProtocolVersion.modern.contains(version)
        }
        do {
            var result = try answer(request.method, params)
            if modern, case .object(var members) = result {
                members["resultType"] = .string("complete")
                if Self.cacheableMethods.contains(request.method) {
                    // 2026-07-28 lets clients cache these answers; the index may be rebuilt at any time, so never.
                    members["cacheScope"] = .string("private")
                    members["ttlMs"] = .integer(0)
                }
                result = .object(members)
            }
            return .success(result)
        } catch let error as JSONRPCError {
            return .failure(error)
        } catch {
            let rpc = ServeErrorWording.rpcError(for: error)
            log("'\(request.method)' failed: \(rpc.message)")
            return .failure(rpc)
        }
    }

    private func answer(_ method: String, _ params: [String: JSONValue]) throws -> JSONValue {
        switch method {
        case "initialize":
            guard let requested = params["protocolVersion"]?.stringValue else {
                throw MCPError.invalidParam("protocolVersion", "missing: the protocol revision the client speaks, e.g. 2025-11-25")
            }
            let client = params["clientInfo"]?["name"]?.stringValue ?? "an unnamed client"
            let version = MCPProtocolVersion.negotiated(forInitialize: requested)
            log("session opened by \(client) (protocol \(version))")
            return .object(["protocolVersion": .string(version), "capabilities": Self.capabilities,
                            "serverInfo": serverInfo, "instructions": .string(Self.instructions)])
        case "server/discover":
            return .object(["supportedVersions": .array(MCPProtocolVersion.supported.map { .string($0) }),
                            "capabilities": Self.capabilities, "instructions": .string(Self.instructions),
                            "_meta": .object(["io.modelcontextprotocol/serverInfo": serverInfo])])
        case "ping":
            return .object([:])
        case "logging/setLevel":
            let levels = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]
            guard let level = params["level"]?.stringValue, levels.contains(level) else {
                throw MCPError.invalidParam("level", "must be one of \(levels.joined(separator: ", "))")
            }
            logLevel = level
            return .object([:])
        case "tools/list":
            return .object(["tools": .array(MCPToolCatalog.all.map(\.listing))])
        case "tools/call":
            return try callTool(params)
        case "resources/list":
            return try MCPResourceCatalog(index: try engine.index.current()).list(cursor: try string(params, "cursor", required: false))
        case "resources/templates/list":
            return MCPResourceCatalog.templates
        case "resources/read":
            let uri = try string(params, "uri", required: true)!
            return try MCPResourceCatalog(index: try engine.index.current()).read(uri: uri)
        case "prompts/list":
            return MCPPromptCatalog.listing
        case "prompts/get":
            let name = try string(params, "name", required: true)!
            var arguments: [String: String] = [:]
            for (key, value) in params["arguments"]?.objectValue ?? [:] {
                guard let text = value.stringValue else { throw MCPError.invalidParam("arguments.\(key)", "must be a string") }
                arguments[key] = text
            }
            return try MCPPromptCatalog(index: try engine.index.current()).get(name: name, arguments: arguments)
        case "completion/complete":
            return try MCPCompletion(index: try engine.index.current()).complete(params)
        default:
            if method.hasPrefix("notifications/") { return .object([:]) }
            throw JSONRPCError(.methodNotFound, "method not found: '\(method)'")
        }
    }

    /// Runs a tool. A failure of the tool itself (unknown city, empty query,
    /// bad argument) is a result with `isError: true` whose text says how to
    /// fix the call, so that the model can correct itself; an unknown tool is
    /// a protocol error.
    func callTool(_ params: [String: JSONValue]) throws -> JSONValue {
        let name = try string(params, "name", required: true)!
        guard let tool = MCPToolCatalog.tool(named: name) else {
            throw MCPError.invalidParam("name", "unknown tool '\(name)' (tools: \(MCPToolCatalog.all.map(\.name).joined(separator: ", ")))")
        }
        let arguments: [String: JSONValue]
        switch params["arguments"] {
        case nil, .null?: arguments = [:]
        case .object(let members)?: arguments = members
        case let other?: throw MCPError.invalidParam("arguments", "must be an object, not \(other.kindDescription)")
        }
        switch engine.dispatch(JSONRPCRequest(id: .integer(1), method: tool.name, params: .object(arguments))) {
        case .success(let value):
            let result = try JSONValue(encoding: value)
            let (structured, extra) = tool.present(result)
            let text: JSONValue = .object(["type": .string("text"), "text": .string(tool.summarize(result))])
            return .object(["content": .array([text] + extra), "structuredContent": structured, "isError": .bool(false)])
        case .failure(let error):
            return .object(["content": .array([.object(["type": .string("text"), "text": .string(MCPToolErrorText.text(for: error, tool: tool))])]),
                            "isError": .bool(true)])
        }
    }

    /// The string param `name`; nil when absent and not required.
    private func string(_ params: [String: JSONValue], _ name: String, required: Bool) throws -> String? {
        switch params[name] {
        case .string(let text)?: return text
        case nil, .null?:
            if required { throw MCPError.invalidParam(name, "missing (it is required)") }
            return nil
        case let other?: throw MCPError.invalidParam(name, "must be a string, not \(other.kindDescription)")
        }
    }
}
