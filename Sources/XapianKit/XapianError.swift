internal import CXapian

/// An error raised by Xapian (or by the C++ runtime under it), caught at the
/// bridge and carried into Swift with Xapian's class name and message.
public struct XapianError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What kind of failure this was.
    public enum Kind: Int32, Sendable {
        /// No database exists at the path.
        case databaseNotFound = 1
        /// The database exists but could not be opened.
        case databaseOpening = 2
        /// Another process holds the write lock.
        case databaseLocked = 3
        /// The revision being read was overwritten; reopen and retry.
        case databaseModified = 4
        /// The database files are damaged.
        case databaseCorrupt = 5
        /// Any other database failure.
        case database = 6
        /// The query text could not be parsed.
        case queryParser = 7
        /// A remote database could not be reached.
        case network = 8
        /// A remote database did not answer in time.
        case networkTimeout = 9
        /// The document does not exist.
        case documentNotFound = 10
        /// A parameter was out of range.
        case invalidArgument = 11
        /// The call is not allowed in this state.
        case invalidOperation = 12
        /// A wildcard expanded to too many terms.
        case wildcard = 13
        /// Any other Xapian error.
        case xapian = 14
        /// A C++ standard library error (for example out of memory).
        case standardLibrary = 15
        /// Something else was thrown.
        case unknown = 16
    }

    /// The kind of failure.
    public let kind: Kind
    /// Xapian's class name for the error, e.g. `DatabaseLockError`.
    public let type: String
    /// Xapian's message.
    public let message: String
    /// The operating system's error number Xapian attached (`ENOSPC`,
    /// `EACCES`, `ENOENT`…), or 0 when there is none: match on it, never on
    /// the words of `message`.
    public let systemError: Int32

    /// Creates an error value (also used by tests and callers that wrap errors).
    public init(kind: Kind, type: String, message: String, systemError: Int32 = 0) {
        self.kind = kind
        self.type = type
        self.message = message
        self.systemError = systemError
    }

    init(_ raw: lc_error) {
        var raw = raw
        kind = Kind(rawValue: raw.code) ?? .unknown
        type = withUnsafeBytes(of: &raw.type) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        message = withUnsafeBytes(of: &raw.message) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        systemError = raw.sys_errno
    }

    /// `Type: message`, as Xapian would print it.
    public var description: String { "\(type): \(message)" }
}

/// Runs a bridge call that reports failure through an `lc_error`.
@inline(__always)
func xapianCall(_ body: (UnsafeMutablePointer<lc_error>) -> Int32) throws(XapianError) {
    var error = lc_error()
    if body(&error) != 0 { throw XapianError(error) }
}

/// Runs a bridge call that returns a handle, or NULL with an `lc_error`.
@inline(__always)
func xapianHandle<T>(_ body: (UnsafeMutablePointer<lc_error>) -> T?) throws(XapianError) -> T {
    var error = lc_error()
    guard let handle = body(&error) else { throw XapianError(error) }
    return handle
}
