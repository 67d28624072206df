/// A JSON-RPC error object: a stable code, a readable message and, for some
/// codes, structured `data`.
public struct JSONRPCError: Codable, Equatable, Sendable, Error {
    /// The code (any integer decodes).
    public var code: Int
    /// One readable sentence.
    public var message: String
    /// Details, e.g. `{"param": …}` for invalid params.
    public var data: JSONValue?

    /// An error with `code`.
    public init(_ code: JSONRPCErrorCode, _ message: String, data: JSONValue? = nil) {
        self.code = code.rawValue
        self.message = message
        self.data = data
    }

    /// An invalid-params error naming `param` (in the message and in `data.param`).
    public static func invalidParam(_ param: String, _ reason: String) -> JSONRPCError {
        JSONRPCError(.invalidParams, "invalid param '\(param)': \(reason)", data: .object(["param": .string(param)]))
    }
}
