import Foundation
import XapianKit

/// Why the index could not be opened or written. Interfaces add their own
/// advice (the CLI names the command that builds an index).
public enum IndexError: Error, CustomStringConvertible, Equatable {
    /// No index at the path.
    case missing(String)
    /// Another process is writing the index.
    case locked(String)
    /// The index files are damaged (truncated, overwritten or missing
    /// tables); `detail` is what Xapian found. Rebuilding from the corpus
    /// is the cure.
    case damaged(String, detail: String)
    /// The device holding the index is full (or the quota is used up); the
    /// last committed revision is still whole.
    case diskFull(String, detail: String)
    /// The index cannot be written here: `reason` says why (a read-only file
    /// system, or whose folder it is and with which permissions).
    case notWritable(String, reason: String)
    /// The index cannot be read by this user: `reason` says whose it is.
    case notReadable(String, reason: String)
    /// Xapian failed on the index at the path.
    case xapian(String, XapianError)

    /// Maps a Xapian error on the index at `path` to an `IndexError`, by
    /// Xapian's error class and the system error number it carries, never by
    /// the words of its message.
    public static func from(_ error: XapianError, path: String) -> IndexError {
        if let mapped = from(errno: error.systemError, path: path, detail: error.message, writing: error.kind == .databaseLocked) {
            return mapped
        }
        switch error.kind {
        case .databaseNotFound:
            return notFound(path)
        case .databaseOpening where error.systemError == ENOENT:
            // A file of the database is gone: its folder is there but not
            // whole (damaged), or there is no database at all (missing).
            if hasTables(path) || FileOwnership.exists((path as NSString).appendingPathComponent("iamglass")) {
                return .damaged(path, detail: error.message)
            }
            return .missing(path)
        case .databaseLocked:
            // Xapian reports a lock file it could not create without its
            // errno: ask the file system whether this user may write here.
            if let denied = writeDenied(path) { return denied }
            return .locked(path)
        case .databaseCorrupt:
            return .damaged(path, detail: error.message)
        case .database where error.type == "DatabaseError":
            // Xapian's plain DatabaseError (no subclass) is a table that could
            // not be read back: a truncated or overwritten block.
            return .damaged(path, detail: error.message)
        default:
            return .xapian(path, error)
        }
    }

    /// Maps a Xapian error met while opening or writing the index at `path`
    /// with its write lock held. A writer reads its own newest revision, so a
    /// DatabaseModifiedError there is no other process's doing: a table block
    /// carries a revision never committed here (overwritten bytes), which is
    /// damage. Every other error maps as in `from(_:path:)`.
    public static func fromWriting(_ error: XapianError, path: String) -> IndexError {
        if error.kind == .databaseModified { return .damaged(path, detail: error.message) }
        return from(error, path: path)
    }

    /// Why this user may not write the index at `path` (read-only file
    /// system, someone else's folder), or nil when it may.
    private static func writeDenied(_ path: String) -> IndexError? {
        for target in [(path as NSString).appendingPathComponent("flintlock"), path] where FileOwnership.exists(target) {
            if access(target, W_OK) != 0 { return from(errno: errno, path: path, detail: "", writing: true) }
            return nil
        }
        return nil
    }

    /// Maps an operating system error number met on the index at `path` to
    /// an `IndexError`, or nil when it is none of these: a full device, a
    /// read-only file system, a permission refused (to write when `writing`,
    /// otherwise to read).
    static func from(errno code: Int32, path: String, detail: String, writing: Bool) -> IndexError? {
        switch code {
        case ENOSPC, EDQUOT: return .diskFull(path, detail: detail.isEmpty ? String(cString: strerror(code)) : detail)
        case EROFS: return .notWritable(path, reason: "the file system holding it is mounted read-only")
        case EACCES, EPERM:
            return writing
                ? .notWritable(path, reason: FileOwnership.explain(path, access: "write"))
                : .notReadable(path, reason: FileOwnership.explain(path, access: "read"))
        default: return nil
        }
    }

    /// Maps a failed file operation (creating the index folder, writing a
    /// stub) on `path` to an `IndexError`, or nil when it is none of these.
    public static func from(errno code: Int32, path: String) -> IndexError? {
        from(errno: code, path: path, detail: "", writing: true)
    }

    /// The error for a path where no database could be found: `.missing`,
    /// unless the folder is there but unreadable, or holds tables without
    /// their version file (damaged).
    public static func notFound(_ path: String) -> IndexError {
        if FileOwnership.exists(path), !FileOwnership.canRead(path) {
            return .notReadable(path, reason: FileOwnership.explain(path, access: "read"))
        }
        if hasTables(path) { return .damaged(path, detail: "its version file (iamglass) is missing") }
        return .missing(path)
    }

    /// Maps the error of a Foundation file operation on `path` (e.g.
    /// creating the index folder): an `IndexError` when it is one of the
    /// cases above, otherwise the error itself.
    public static func from(fileError error: Error, path: String) -> Error {
        let ns = error as NSError
        let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? Error).map { $0 as NSError }
        for candidate in [ns, underlying].compactMap({ $0 }) where candidate.domain == NSPOSIXErrorDomain {
            if let mapped = from(errno: Int32(candidate.code), path: path) { return mapped }
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteOutOfSpace: return from(errno: ENOSPC, path: path)!
            case .fileWriteVolumeReadOnly: return from(errno: EROFS, path: path)!
            case .fileWriteNoPermission: return from(errno: EACCES, path: path)!
            default: break
            }
        }
        return error
    }

    /// True when a folder at `path` holds Xapian glass tables.
    private static func hasTables(_ path: String) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return files.contains { $0.hasSuffix(".glass") }
    }

    /// True when the database could not be opened or read (as opposed to
    /// failing while it was written).
    public var isUnreadable: Bool {
        switch self {
        case .missing, .damaged, .notReadable: return true
        case .xapian(_, let error): return error.kind == .databaseOpening || error.kind == .databaseCorrupt
        default: return false
        }
    }

    /// A stable name for the case, for programs to switch on (the server
    /// sends it as `data.reason`): `missing`, `locked`, `damaged`,
    /// `disk_full`, `not_writable`, `not_readable` or `xapian`.
    public var code: String {
        switch self {
        case .missing: return "missing"
        case .locked: return "locked"
        case .damaged: return "damaged"
        case .diskFull: return "disk_full"
        case .notWritable: return "not_writable"
        case .notReadable: return "not_readable"
        case .xapian: return "xapian"
        }
    }

    /// The index (or database of a sharded index) the error is about.
    public var path: String {
        switch self {
        case .missing(let path), .locked(let path), .damaged(let path, _), .diskFull(let path, _),
             .notWritable(let path, _), .notReadable(let path, _), .xapian(let path, _):
            return path
        }
    }

    /// A readable message.
    public var description: String {
        switch self {
        case .missing(let path): return "no index at \(path)"
        case .locked(let path): return "index \(path) is locked by another process that is writing it; try again when it has finished"
        case .damaged(let path, let detail): return "index \(path) is damaged (\(detail))"
        case .diskFull(let path, let detail):
            return "no space left on the device holding index \(path) (\(detail)); the index keeps its last committed revision"
        case .notWritable(let path, let reason): return "cannot write index \(path): \(reason)"
        case .notReadable(let path, let reason): return "cannot read index \(path): \(reason)"
        case .xapian(let path, let error): return "index \(path): \(error.message) (\(error.type))"
        }
    }
}
