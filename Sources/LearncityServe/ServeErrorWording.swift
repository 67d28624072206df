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
            return rpcError(for: index)
        case let shard as ShardError:
            return rpcError(for: shard)
        default:
            return JSONRPCError(.internalError, "internal error: \(error)")
        }
    }

    /// An index that cannot be opened or written: the code says which kind of
    /// trouble, `data.reason` the engine's stable name for it and
    /// `data.path` the index. The message speaks of the server, not of
    /// command-line flags.
    static func rpcError(for index: IndexError) -> JSONRPCError {
        let data: JSONValue = .object(["reason": .string(index.code), "path": .string(index.path)])
        switch index {
        case .missing(let path):
            return JSONRPCError(.indexUnavailable, "no index at \(path) yet; the server answers once one is built there", data: data)
        case .locked:
            return JSONRPCError(.indexLocked, index.description, data: data)
        case .damaged:
            return JSONRPCError(.indexUnavailable, "\(index.description); it must be rebuilt from the corpus, "
                                + "and the server answers again once it is", data: data)
        case .notReadable:
            return JSONRPCError(.indexUnavailable, index.description, data: data)
        case .diskFull, .notWritable:
            return JSONRPCError(.indexNotWritable, index.description, data: data)
        case .xapian where index.isUnreadable:
            return JSONRPCError(.indexUnavailable, index.description, data: data)
        case .xapian:
            return JSONRPCError(.internalError, index.description, data: data)
        }
    }

    /// A sharded index that cannot be used as asked: `data.reason` is the
    /// engine's stable name for the case, `data.shard` (or `data.shards`,
    /// `data.file`) what it is about.
    static func rpcError(for shard: ShardError) -> JSONRPCError {
        var data: [String: JSONValue] = ["reason": .string(shard.code)]
        let code: JSONRPCErrorCode
        switch shard {
        case .unavailable(let name, _):
            data["shard"] = .string(name)
            code = .indexUnavailable
        case .noneAvailable(let names):
            data["shards"] = .array(names.map { .string($0) })
            code = .indexUnavailable
        case .badStub(let file, let line, _):
            data["file"] = .string(file)
            if let line { data["line"] = .integer(line) }
            code = .indexUnavailable
        case .remoteShard(let name, _):
            data["shard"] = .string(name)
            code = .indexNotWritable
        case .io(let path, _):
            data["path"] = .string(path)
            code = .indexNotWritable
        case .layoutMismatch(let index, _), .unknownShardCount(let index):
            data["path"] = .string(index)
            code = .internalError
        }
        return JSONRPCError(code, shard.description, data: .object(data))
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
