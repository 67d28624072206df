/// What a `JSONRPCServer` serves: the methods behind the protocol. The
/// server frames, parses and validates requests and encodes answers; the
/// methods only run requests.
public protocol JSONRPCMethods: AnyObject {
    /// Runs one valid request: its result, or the error to answer with.
    func dispatch(_ request: JSONRPCRequest) -> Result<any Encodable & Sendable, JSONRPCError>

    /// True once a request asked the server to stop; the server then returns
    /// `.shutdown` after writing that request's answer.
    var shutdownRequested: Bool { get }
}
