import Foundation

/// The on-disk shape of a sharded index: a folder holding the shard
/// databases (`shard-000`, `shard-001`, …) and the Xapian stub file
/// `index.stub` that lists them. `--index FOLDER` names the folder; Xapian
/// itself can open `FOLDER/index.stub`. Each document lives in the shard
/// given by a stable hash (FNV-1a) of its id modulo the number of shards.
/// The vocabulary tables of the whole index (accent restoration, spelling,
/// city synonyms) live once, in the document-free database `vocabulary`,
/// listed last in the stub; the shards hold none.
public struct ShardedIndexLayout: Sendable {
    /// Name of the stub file inside the index folder.
    public static let stubName = "index.stub"
    /// Folder name of the vocabulary database inside the index folder.
    public static let vocabularyName = "vocabulary"

    /// The index folder.
    public let folder: String

    /// A layout rooted at `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// The stub file.
    public var stubPath: String { (folder as NSString).appendingPathComponent(Self.stubName) }
    /// Where a new vocabulary database goes: `vocabulary` in the index folder.
    public var defaultVocabularyPath: String { (folder as NSString).appendingPathComponent(Self.vocabularyName) }

    /// Folder name of shard `index`: `shard-000`.
    public static func shardName(_ index: Int) -> String {
        let digits = String(index)
        return "shard-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The shard (0..<count) that owns document `id`.
    public static func owner(of id: String, shardCount: Int) -> Int {
        precondition(shardCount > 0)
        // 64-bit FNV-1a of the id's UTF-8 and a terminating zero byte.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        hash = hash &* 0x100_0000_01b3  // the zero byte: xor with 0 changes nothing
        return Int(hash % UInt64(shardCount))
    }

    /// True when `path` is a folder holding `index.stub`.
    public static func isSharded(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return false
        }
        return FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(stubName))
    }

    /// The stub file to open for `path`: `path/index.stub` for a sharded
    /// index folder, `path` itself when it is a file, nil for a plain
    /// database folder.
    public static func stubFile(for path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if !isDirectory.boolValue { return path }
        return isSharded(path) ? (path as NSString).appendingPathComponent(stubName) : nil
    }

    /// The local shard paths of the stub, resolved; throws for remote ones.
    public func localShardPaths(operation: String) throws -> [String] {
        let stub = try ShardStub.read(from: stubPath)
        return try stub.entries.map { entry in
            switch entry {
            case .local(let path): return ShardStub.resolve(path, stubPath: stubPath)
            case .remote: throw ShardError.remoteShard(shard: entry.description, operation: operation)
            }
        }
    }

    /// The vocabulary database the stub lists, resolved; nil for a sharded
    /// index built before it had one (its shards then hold their own tables).
    public func vocabularyPath() throws -> String? {
        try ShardStub.read(from: stubPath).vocabulary.map { ShardStub.resolve($0, stubPath: stubPath) }
    }

    /// The database folder that document `id` is written to by `upsert` and
    /// `delete`: the index itself when it is one database, otherwise the
    /// local shard that owns the id.
    public static func writablePath(forDocument id: String, index: String) throws -> String {
        guard isSharded(index) else { return index }
        let layout = ShardedIndexLayout(folder: index)
        let stub = try ShardStub.read(from: layout.stubPath)
        let entry = stub.entries[owner(of: id, shardCount: stub.entries.count)]
        switch entry {
        case .local(let path): return ShardStub.resolve(path, stubPath: layout.stubPath)
        case .remote: throw ShardError.remoteShard(shard: entry.description, operation: "write document '\(id)' to")
        }
    }
}
