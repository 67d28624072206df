/// The error codes of the learncity JSON-RPC server. The JSON-RPC 2.0 ones
/// (-32700…-32603) keep their standard meaning; the application ones
/// (-32001…) are stable: clients may switch on them.
public enum RPCErrorCode: Int, Codable, Sendable, CaseIterable {
    /// The line is not JSON: invalid UTF-8, bad syntax, nested deeper than
    /// `JSONNestingScanner.maxDepth`. The answer's id is null.
    case parseError = -32700
    /// The JSON is not a request: not an object, no `method`, bad `id`,
    /// `jsonrpc` not "2.0", an empty batch, or a line longer than the cap.
    case invalidRequest = -32600
    /// No such method (or the method is not available in this build).
    case methodNotFound = -32601
    /// A param is missing, unknown, of the wrong type or out of range; the
    /// message names it and `data.param` holds its name.
    case invalidParams = -32602
    /// An unexpected failure (a Xapian error other than the ones below).
    case internalError = -32603
    /// The city named by a param is not in the index (`data.suggestions`
    /// lists close names).
    case unknownCity = -32001
    /// There is no index at the served path (yet), or it cannot be opened.
    case indexUnavailable = -32002
    /// Another process holds the index's write lock (`upsert`, `delete`).
    case indexLocked = -32003
    /// Xapian's query parser rejected the query.
    case querySyntax = -32004
    /// The query is empty or only white space.
    case emptyQuery = -32005
    /// The city has no document to compare (`recommend`).
    case noDocuments = -32006
}
