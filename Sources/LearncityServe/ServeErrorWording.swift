import JSONRPC
import LearningCities

/// The JSON-RPC error for anything a method throws: the engine's errors
/// carry what happened (their case and data); this says it for clients of
/// the server, naming params rather than command-line flags.
public enum ServeErrorWording {
    /// The JSON-RPC error for `error`.
    public static func rpcError(for error: Error) -> JSONRPCError {
        switch error {
        case let rpc as JSONRPCError:
            return rpc
        case let city as CityError:
            return rpcError(for: city, param: "city")
        case let search as SearchError:
            switch search {
            case .emptyQuery:
                return JSONRPCError(.emptyQuery, "empty query: give some words to search for in 'query'")
            case .syntax:
                return JSONRPCError(.querySyntax, search.description)
            case .invalidParameter(let name, let reason):
                return .invalidParam(name, reason)
            }
        case let recommend as RecommendError:
            switch recommend {
            case .missingSource: return .invalidParam("city", "give 'city' (a city id, name or alias) or 'text'")
            case .cityAndText: return .invalidParam("city", "give either 'city' or 'text', not both")
            case .emptyText: return .invalidParam("text", "is empty: describe the city's lifelong-learning programmes")
            case .unknownTheme: return .invalidParam("theme", recommend.description)
            case .unknownRegion: return .invalidParam("region", recommend.description)
            case .invalidParameter(let name, let reason): return .invalidParam(name, reason)
            case .noDocuments: return JSONRPCError(.noDocuments, recommend.description)
            }
        case let index as IndexError:
            switch index {
            case .missing(let path):
                return JSONRPCError(.indexUnavailable, "no index at \(path) yet; the server answers once one is built there")
            case .locked: return JSONRPCError(.indexLocked, index.description)
            case .damaged(let path, _):
                return JSONRPCError(.indexUnavailable, "\(index.description); rebuild it from the corpus with `learncity index --rebuild --index \(path)`")
            case .notReadable: return JSONRPCError(.indexUnavailable, index.description)
            case .diskFull, .notWritable: return JSONRPCError(.indexNotWritable, index.description)
            case .xapian where index.isUnreadable:
                return JSONRPCError(.indexUnavailable, index.description)
            case .xapian: return JSONRPCError(.internalError, index.description)
            }
        default:
            return JSONRPCError(.internalError, "internal error: \(error)")
        }
    }

    /// An unknown or ambiguous city named by `param`.
    static func rpcError(for error: CityError, param: String) -> JSONRPCError {
        var data: [String: JSONValue] = [
            "param": .string(param),
            "suggestions": .array(error.alternativeLabels.map { .string($0) }),
        ]
        if case .ambiguous = error { data["ambiguous"] = .bool(true) }
        return JSONRPCError(.unknownCity, error.description, data: .object(data))
    }
}
