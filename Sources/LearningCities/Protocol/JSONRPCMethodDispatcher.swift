/// What a `JSONRPCServer` serves: the methods of one protocol (learncity's
/// `serve` methods, or the Model Context Protocol's).
public protocol JSONRPCMethodDispatcher: AnyObject {
    /// Runs one request: its result, or the error to answer with.
    func dispatch(_ request: JSONRPCRequest) -> Result<any Encodable & Sendable, JSONRPCError>
    /// True once the client asked the server to stop (after the current answer is written).
    var shutdownRequested: Bool { get }
}
