/// A problem with one line or file of a corpus: reported as `file:line: reason`
/// and skipped (or fatal with `--strict`).
public struct CorpusIssue: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path of the file, relative to the corpus folder.
    public var file: String
    /// 1-based line number, when the problem is on one line.
    public var line: Int?
    /// What is wrong.
    public var reason: String

    /// Creates an issue.
    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// The corpus cannot be read at all (missing folder, unreadable file), or
/// `--strict` found issues.
public enum CorpusError: Error, CustomStringConvertible, Equatable {
    /// The corpus folder does not exist.
    case missingFolder(String)
    /// A file could not be read.
    case unreadable(String, String)
    /// Strict mode: these issues stop the run before anything is written.
    case strict([CorpusIssue])

    /// A readable message.
    public var description: String {
        switch self {
        case .missingFolder(let path): return "no corpus folder at \(path)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .strict(let issues):
            return "strict mode: \(issues.count) corpus problem\(issues.count == 1 ? "" : "s"); nothing was written"
        }
    }
}
