import Foundation

/// A Xapian 1.4 stub database file: one shard per line, searched as one
/// database. learncity reads and writes the lines it understands:
/// `auto PATH` (a local database; a relative path is resolved against the
/// stub file's folder, as Xapian does) and `remote HOST:PORT` (a database
/// served by `xapian-tcpsrv`). Blank lines and `#` comments are ignored.
///
/// A local line naming a folder called `vocabulary` (`auto vocabulary`) is
/// not a shard: it is the sharded index's document-free vocabulary database
/// (accent restoration, spelling dictionary, city synonyms, computed over
/// the whole index), searched with the shards so that Xapian merges its
/// tables into theirs. It stays local when shards move to other machines,
/// because `xapian-tcpsrv` serves neither synonyms nor spellings.
public struct ShardStub: Equatable, Sendable {
    /// One line of the stub.
    public enum Entry: Equatable, Sendable, CustomStringConvertible {
        /// A local database folder (as written: relative or absolute).
        case local(String)
        /// A database served by `xapian-tcpsrv` at host:port.
        case remote(host: String, port: Int)

        /// The stub line.
        public var line: String {
            switch self {
            case .local(let path): return "auto \(path)"
            case .remote(let host, let port): return "remote \(host.contains(":") ? "[\(host)]" : host):\(port)"
            }
        }

        /// How the shard is named in messages: the path or host:port.
        public var description: String {
            switch self {
            case .local(let path): return path
            case .remote(let host, let port): return "\(host):\(port)"
            }
        }
    }

    /// The shards, in order (the order decides which shard owns an id).
    public var entries: [Entry]
    /// The vocabulary database's path as written (relative or absolute), if the stub lists one.
    public var vocabulary: String?

    /// A stub listing `entries` and, when given, the `vocabulary` database.
    public init(entries: [Entry], vocabulary: String? = nil) {
        self.entries = entries
        self.vocabulary = vocabulary
    }

    /// True when the local path `path` names a vocabulary database (its last
    /// component is `ShardedIndexLayout.vocabularyName`).
    public static func namesVocabulary(_ path: String) -> Bool {
        (path as NSString).lastPathComponent == ShardedIndexLayout.vocabularyName
    }

    /// Parses stub text; `file` names the stub in error messages.
    public static func parse(_ text: String, file: String) throws -> ShardStub {
        var entries: [Entry] = []
        var vocabulary: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            let keyword = parts[0]
            let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
            func bad(_ reason: String) -> ShardError { .badStub(file: file, line: index + 1, reason: reason) }
            switch keyword {
            case "auto", "glass", "chert":
                guard !argument.isEmpty else { throw bad("'\(keyword)' needs a database path") }
                if namesVocabulary(argument) {
                    guard vocabulary == nil else { throw bad("a second vocabulary database ('\(line)'); a stub lists one") }
                    vocabulary = argument
                } else {
                    entries.append(.local(argument))
                }
            case "remote":
                if argument.hasPrefix(":") {
                    throw bad("'remote :PROGRAM' (a spawned program) is not supported; serve the shard with xapian-tcpsrv and write 'remote HOST:PORT'")
                }
                guard let colon = argument.lastIndex(of: ":"),
                      let port = Int(argument[argument.index(after: colon)...]), (1...65535).contains(port) else {
                    throw bad("expected 'remote HOST:PORT', got '\(line)'")
                }
                var host = String(argument[..<colon])
                if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
                guard !host.isEmpty, !host.contains(" ") else { throw bad("expected 'remote HOST:PORT', got '\(line)'") }
                entries.append(.remote(host: host, port: port))
            default:
                throw bad("unknown line '\(line)' (expected 'auto PATH' or 'remote HOST:PORT')")
            }
        }
        guard !entries.isEmpty else { throw ShardError.badStub(file: file, line: nil, reason: "lists no shards") }
        return ShardStub(entries: entries, vocabulary: vocabulary)
    }

    /// Reads and parses the stub file at `path`.
    public static func read(from path: String) throws -> ShardStub {
        guard let data = FileContents.read(path) else {
            throw ShardError.io(path: path, reason: "no such stub file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ShardError.badStub(file: path, line: nil, reason: "not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// The stub file's text: the shards, then the vocabulary database.
    public var text: String {
        (entries.map(\.line) + (vocabulary.map { ["auto \($0)"] } ?? [])).joined(separator: "\n") + "\n"
    }

    /// Writes the stub to `path` atomically (a temporary file renamed over
    /// it), so readers opening it see the old list or the new one.
    public func write(to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw IndexError.from(fileError: error, path: path)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ShardError.io(path: path, reason: reason)
        }
    }

    /// Throws when the stub at `path` names itself, directly or through other
    /// stub files: Xapian would open them again and again until its stack
    /// overflows. Lines are read as Xapian reads them (`auto`, `glass`,
    /// `chert` or a bare path), whether or not learncity parses the stub.
    public static func checkForLoops(_ path: String) throws {
        try checkForLoops(path, chain: [])
    }

    private static func checkForLoops(_ path: String, chain: [String]) throws {
        let real = realPath(path)
        if let start = chain.firstIndex(of: real) {
            let names = (chain[start...] + [real]).map { ($0 as NSString).lastPathComponent }
            let reason = names.count == 2
                ? "it names itself, so Xapian would open it again and again; a stub lists database folders (or other stubs)"
                : "stub files name each other in a loop (\(names.joined(separator: " → "))); a stub lists database folders (or other stubs)"
            throw ShardError.badStub(file: chain[0], line: nil, reason: reason)
        }
        guard chain.count < 16 else {
            throw ShardError.badStub(file: chain[0], line: nil, reason: "stub files nested more than 16 deep")
        }
        guard let data = FileContents.read(path), let text = String(data: data, encoding: .utf8) else { return }
        for named in localPaths(in: text) {
            let resolved = resolve(named, stubPath: path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue {
                try checkForLoops(resolved, chain: chain + [real])
            }
        }
    }

    /// The local database paths a stub's text names, as Xapian 1.4 reads it.
    private static func localPaths(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { return nil }
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 1 { return parts[0] }
            return ["auto", "glass", "chert", "flint"].contains(parts[0]) ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        }
    }

    /// `path` with symbolic links and `..` resolved (as given when it cannot be).
    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path a local entry names, resolved against the stub's folder.
    public static func resolve(_ path: String, stubPath: String) -> String {
        if path.hasPrefix("/") { return path }
        return ((stubPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
    }
}
