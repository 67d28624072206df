/// The result of the `shutdown` method: the server exits (status 0) right after sending it.
public struct ShutdownResult: Codable, Sendable, Equatable {
    /// Always true.
    public var shuttingDown: Bool

    enum CodingKeys: String, CodingKey {
        case shuttingDown = "shutting_down"
    }
}
