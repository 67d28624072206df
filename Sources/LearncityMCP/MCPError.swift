import JSONRPC
import LearncityServe
import LearningCities

/// The JSON-RPC errors of the MCP server that are not learncity's own codes.
enum MCPError {
    /// MCP's code for a request that names a protocol revision the server does not speak.
    static let unsupportedProtocolVersionCode = JSONRPCErrorCode(rawValue: -32022)

    /// A request named revision `requested`; `data` lists the supported ones.
    static func unsupportedProtocolVersion(_ requested: String) -> JSONRPCError {
        JSONRPCError(unsupportedProtocolVersionCode,
                     "unsupported protocol version '\(requested)'; this server speaks \(MCPProtocolVersion.supported.joined(separator: ", "))",
                     data: .object(["supported": .array(MCPProtocolVersion.supported.map { .string($0) }),
                                    "requested": .string(requested)]))
    }

    /// A missing or ill-typed param of a protocol method (not of a tool: those are tool results).
    static func invalidParam(_ name: String, _ reason: String) -> JSONRPCError {
        JSONRPCError.invalidParam(name, reason)
    }

    /// `resources/read` of a URI that names nothing (-32602 with `data.uri`, as MCP's reference SDKs answer).
    static func unknownResource(_ uri: String, _ hint: String) -> JSONRPCError {
        JSONRPCError(.invalidParams, "unknown resource '\(uri)': \(hint)", data: .object(["uri": .string(uri)]))
    }
}
