/// The `id` of a JSON-RPC request, echoed in its response: a number, a
/// string or null (a request without `id` is a notification and has none).
public enum JSONRPCID: Codable, Hashable, Sendable {
    /// A whole number.
    case integer(Int)
    /// A number with a fractional part (allowed, though discouraged by the spec).
    case fractional(Double)
    /// A string.
    case string(String)
    /// `null`: also the id of answers to requests whose id could not be read.
    case null

    /// The id in `value`, or nil when `value` cannot be an id (bool, array, object).
    public init?(_ value: JSONValue) {
        switch value {
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .fractional(number)
        case .string(let text): self = .string(text)
        case .null: self = .null
        case .bool, .array, .object: return nil
        }
    }

    /// Decodes a number, string or null.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let id = JSONRPCID(try container.decode(JSONValue.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "id must be a number, a string or null")
        }
        self = id
    }

    /// Encodes the id as it was given.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let number): try container.encode(number)
        case .fractional(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .null: try container.encodeNil()
        }
    }
}
