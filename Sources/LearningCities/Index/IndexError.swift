import XapianKit

/// Why the index could not be opened or written. Interfaces add their own
/// advice (the CLI names the command that builds an index).
public enum IndexError: Error, CustomStringConvertible {
    /// No index at the path.
    case missing(String)
    /// Another process is writing the index.
    case locked(String)
    /// Xapian failed on the index at the path.
    case xapian(String, XapianError)

    /// Maps a Xapian error on the index at `path` to an `IndexError`.
    public static func from(_ error: XapianError, path: String) -> IndexError {
        switch error.kind {
        case .databaseNotFound: return .missing(path)
        case .databaseOpening where error.message.contains("Couldn't stat") || error.message.contains("No such file"):
            return .missing(path)
        case .databaseLocked: return .locked(path)
        default: return .xapian(path, error)
        }
    }

    /// True when the database could not be opened or is corrupt (as opposed
    /// to failing while it was read or written).
    public var isUnreadable: Bool {
        guard case .xapian(_, let error) = self else { return false }
        return error.kind == .databaseOpening || error.kind == .databaseCorrupt
    }

    /// A readable message.
    public var description: String {
        switch self {
        case .missing(let path): return "no index at \(path)"
        case .locked(let path): return "index \(path) is locked by another process that is writing it; try again when it has finished"
        case .xapian(let path, let error): return "index \(path): \(error.message) (\(error.type))"
        }
    }
}
