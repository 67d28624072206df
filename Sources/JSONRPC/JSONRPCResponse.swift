/// One JSON-RPC 2.0 response: the request's id and either a result or an error.
public struct JSONRPCResponse: Codable, Sendable {
    /// The id of the request answered (null when it could not be read).
    public var id: JSONRPCID
    /// The result on success: the method's own Codable type when the server
    /// builds it, a `JSONValue` when a client decodes it.
    public var result: (any Encodable & Sendable)?
    /// The error on failure.
    public var error: JSONRPCError?

    /// A successful response.
    public init(id: JSONRPCID, result: any Encodable & Sendable) {
        self.id = id
        self.result = result
    }

    /// An error response.
    public init(id: JSONRPCID, error: JSONRPCError) {
        self.id = id
        self.error = error
    }

    /// The result as generic JSON (for clients that decoded the response).
    public var resultValue: JSONValue? { result as? JSONValue }

    enum CodingKeys: String, CodingKey {
        case jsonrpc, id, result, error
    }

    /// Decodes a response, the result as a `JSONValue`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(JSONRPCID.self, forKey: .id) ?? .null
        result = try container.decodeIfPresent(JSONValue.self, forKey: .result)
        error = try container.decodeIfPresent(JSONRPCError.self, forKey: .error)
    }

    /// Encodes `jsonrpc`, `id` (null included) and `result` or `error`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("2.0", forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        if let error {
            try container.encode(error, forKey: .error)
        } else if let result {
            try container.encode(result, forKey: .result)
        } else {
            try container.encodeNil(forKey: .result)
        }
    }
}
