/// The code of a JSON-RPC error. The five codes of the JSON-RPC 2.0
/// specification are defined here; a server adds its own application codes
/// (-32000…-32099) in an extension, as `LearncityServe` does.
public struct JSONRPCErrorCode: RawRepresentable, Hashable, Codable, Sendable {
    /// The integer sent on the wire.
    public var rawValue: Int

    /// A code with this integer value.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The line is not JSON: invalid UTF-8, bad syntax, nested deeper than
    /// `JSONNestingScanner.maxDepth`. The answer's id is null.
    public static let parseError = JSONRPCErrorCode(rawValue: -32700)
    /// The JSON is not a request: not an object, no `method`, bad `id`,
    /// `jsonrpc` not "2.0", an empty batch, or a line longer than the cap.
    public static let invalidRequest = JSONRPCErrorCode(rawValue: -32600)
    /// No such method.
    public static let methodNotFound = JSONRPCErrorCode(rawValue: -32601)
    /// A param is missing, unknown, of the wrong type or out of range; the
    /// message names it and `data.param` holds its name.
    public static let invalidParams = JSONRPCErrorCode(rawValue: -32602)
    /// An unexpected failure inside the method.
    public static let internalError = JSONRPCErrorCode(rawValue: -32603)
}
