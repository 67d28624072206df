import JSONRPC

/// learncity's application error codes (-32001…), beside the five standard
/// JSON-RPC codes. They are stable: clients may switch on them.
extension JSONRPCErrorCode {
    /// The city named by a param is unknown or ambiguous: `data.param` names
    /// the param, `data.suggestions` lists close names (unknown) or the cities
    /// sharing the name (ambiguous, with `data.ambiguous` true).
    public static let unknownCity = JSONRPCErrorCode(rawValue: -32001)
    /// There is no index at the served path (yet), or it cannot be opened.
    public static let indexUnavailable = JSONRPCErrorCode(rawValue: -32002)
    /// Another process holds the index's write lock (`upsert`, `delete`).
    public static let indexLocked = JSONRPCErrorCode(rawValue: -32003)
    /// Xapian's query parser rejected the query.
    public static let querySyntax = JSONRPCErrorCode(rawValue: -32004)
    /// The query is empty or only white space.
    public static let emptyQuery = JSONRPCErrorCode(rawValue: -32005)
    /// The city has no document to compare (`recommend`).
    public static let noDocuments = JSONRPCErrorCode(rawValue: -32006)
    /// `upsert` or `delete` could not be written: the disk is full, the file
    /// system is read-only, or the index is not the server's user's to write.
    /// Nothing of the request was committed; earlier writes are intact.
    public static let indexNotWritable = JSONRPCErrorCode(rawValue: -32007)
}
