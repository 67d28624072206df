/// A request that failed before or while running: the error and the id to
/// answer it with (nil for a notification, which is not answered).
public struct JSONRPCFailure: Error, Sendable {
    /// The id to answer with.
    public var id: JSONRPCID?
    /// The error object.
    public var error: JSONRPCError
}
