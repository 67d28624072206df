import XapianKit

/// A JSON-RPC error object: a stable code, a readable message and, for some
/// codes, structured `data`.
public struct JSONRPCError: Codable, Equatable, Sendable, Error {
    /// The code (one of `RPCErrorCode`, but any integer decodes).
    public var code: Int
    /// One readable sentence.
    public var message: String
    /// Details: `{"param": …}` for invalid params, `{"suggestions": […]}` for unknown cities.
    public var data: JSONValue?

    /// An error with one of learncity's codes.
    public init(_ code: RPCErrorCode, _ message: String, data: JSONValue? = nil) {
        self.code = code.rawValue
        self.message = message
        self.data = data
    }

    /// An invalid-params error naming `param`.
    public static func invalidParam(_ param: String, _ reason: String) -> JSONRPCError {
        JSONRPCError(.invalidParams, "invalid param '\(param)': \(reason)", data: .object(["param": .string(param)]))
    }

    /// The JSON-RPC error for anything a method throws.
    public static func from(_ error: Error) -> JSONRPCError {
        switch error {
        case let rpc as JSONRPCError:
            return rpc
        case let search as SearchError:
            switch search {
            case .emptyQuery:
                return JSONRPCError(.emptyQuery, "empty query: give some words to search for")
            case .syntax:
                return JSONRPCError(.querySyntax, search.description)
            case .invalidParameter(let name, let reason):
                return invalidParam(name, reason)
            case .unknownCity(_, let suggestions):
                return JSONRPCError(.unknownCity, search.description,
                                    data: .object(["suggestions": .array(suggestions.map { .string($0) })]))
            }
        case let recommend as RecommendError:
            switch recommend {
            case .unknownCity(_, let suggestions):
                return JSONRPCError(.unknownCity, recommend.description,
                                    data: .object(["suggestions": .array(suggestions.map { .string($0) })]))
            case .ambiguousCity(_, let candidates):
                return JSONRPCError(.unknownCity, recommend.description,
                                    data: .object(["suggestions": .array(candidates.map { .string($0) })]))
            case .missingSource, .cityAndText: return invalidParam("city", recommend.description)
            case .emptyText: return invalidParam("text", recommend.description)
            case .unknownTheme: return invalidParam("theme", recommend.description)
            case .unknownRegion: return invalidParam("region", recommend.description)
            case .invalidParameter(let name, let reason): return invalidParam(name, reason)
            case .noDocuments: return JSONRPCError(.noDocuments, recommend.description)
            }
        case let index as IndexError:
            switch index {
            case .missing: return JSONRPCError(.indexUnavailable, index.description)
            case .locked: return JSONRPCError(.indexLocked, index.description)
            case .xapian(_, let xapian) where xapian.kind == .databaseOpening || xapian.kind == .databaseCorrupt:
                return JSONRPCError(.indexUnavailable, index.description)
            case .xapian: return JSONRPCError(.internalError, index.description)
            }
        case let xapian as XapianError:
            return JSONRPCError(.internalError, "Xapian: \(xapian.message) (\(xapian.type))")
        default:
            return JSONRPCError(.internalError, "internal error: \(error)")
        }
    }
}
