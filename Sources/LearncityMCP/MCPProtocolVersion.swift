/// The Model Context Protocol revisions learncity speaks, and how one is chosen.
///
/// Revisions up to 2025-11-25 open a session with `initialize`; the
/// 2026-07-28 revision has no session: every request names its revision in
/// `params._meta["io.modelcontextprotocol/protocolVersion"]`, `server/discover`
/// advertises what the server speaks, and every result carries
/// `"resultType": "complete"`.
public enum MCPProtocolVersion {
    /// Revisions negotiated by the `initialize` handshake, oldest first.
    public static let handshake = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"]
    /// Revisions that use the per-request envelope.
    public static let modern = ["2026-07-28"]
    /// Every revision served.
    public static var supported: [String] { handshake + modern }
    /// The `_meta` key that names a request's revision.
    public static let metaKey = "io.modelcontextprotocol/protocolVersion"

    /// The revision to answer an `initialize` with: the client's when it is a
    /// handshake revision learncity speaks, otherwise the newest handshake revision
    /// (the client then decides whether it can go on).
    public static func negotiated(forInitialize requested: String) -> String {
        handshake.contains(requested) ? requested : handshake[handshake.count - 1]
    }
}
