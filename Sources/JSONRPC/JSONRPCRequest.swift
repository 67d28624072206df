/// One JSON-RPC 2.0 request: a method, its params and, unless it is a
/// notification, an id to answer with.
public struct JSONRPCRequest: Codable, Equatable, Sendable {
    /// The id to answer with; nil for a notification (no `id` member), which gets no answer.
    public var id: JSONRPCID?
    /// The method name.
    public var method: String
    /// The params as sent (an object for every learncity method), or nil.
    public var params: JSONValue?

    /// A request.
    public init(id: JSONRPCID?, method: String, params: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// True when the request expects no answer.
    public var isNotification: Bool { id == nil }

    /// Validates one element of a line (or of a batch) as a request. The
    /// thrown error carries the id to answer with (null when it could not be read).
    public static func parse(_ value: JSONValue) throws(JSONRPCFailure) -> JSONRPCRequest {
        guard case .object(let members) = value else {
            throw JSONRPCFailure(id: .null, error: JSONRPCError(
                .invalidRequest, "invalid request: expected a JSON object (or an array of them), got \(value.kindDescription)"))
        }
        var id: JSONRPCID?
        if let raw = members["id"] {
            guard let parsed = JSONRPCID(raw) else {
                throw JSONRPCFailure(id: .null, error: JSONRPCError(
                    .invalidRequest, "invalid request: 'id' must be a number, a string or null, got \(raw.kindDescription)"))
            }
            id = parsed
        }
        let answerID = id ?? .null
        guard members["jsonrpc"] == .string("2.0") else {
            throw JSONRPCFailure(id: answerID, error: JSONRPCError(.invalidRequest, "invalid request: 'jsonrpc' must be \"2.0\""))
        }
        guard let rawMethod = members["method"] else {
            throw JSONRPCFailure(id: answerID, error: JSONRPCError(.invalidRequest, "invalid request: missing 'method'"))
        }
        guard case .string(let method) = rawMethod else {
            throw JSONRPCFailure(id: answerID, error: JSONRPCError(
                .invalidRequest, "invalid request: 'method' must be a string, got \(rawMethod.kindDescription)"))
        }
        let params = members["params"]
        switch params {
        case nil, .object?, .array?: break
        case let other?:
            throw JSONRPCFailure(id: answerID, error: JSONRPCError(
                .invalidRequest, "invalid request: 'params' must be an object or an array, got \(other.kindDescription)"))
        }
        return JSONRPCRequest(id: id, method: method, params: params)
    }

    /// Decodes and validates like `parse(_:)`.
    public init(from decoder: Decoder) throws {
        self = try Self.parse(try JSONValue(from: decoder))
    }

    enum CodingKeys: String, CodingKey {
        case jsonrpc, id, method, params
    }

    /// Encodes with `"jsonrpc": "2.0"`, omitting `id` for notifications.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(method, forKey: .method)
        try container.encodeIfPresent(params, forKey: .params)
    }
}

