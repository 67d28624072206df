/// Why a sharded index could not be opened, written or compacted.
/// Interfaces add their own advice (the CLI names `--allow-partial`).
public enum ShardError: Error, CustomStringConvertible, Equatable {
    /// A shard could not be reached or opened (named by host:port or path).
    case unavailable(shard: String, reason: String)
    /// Every shard is unavailable, even when partial results are allowed.
    case noneAvailable([String])
    /// A line of the stub file is wrong.
    case badStub(file: String, line: Int?, reason: String)
    /// The shard count asked for a layout the existing index does not have.
    case layoutMismatch(index: String, reason: String)
    /// A sharded index is to be rebuilt, but its stub cannot be read to
    /// learn how many shards it has: the caller must say.
    case unknownShardCount(index: String)
    /// A shard served by xapian-tcpsrv cannot be written from here.
    case remoteShard(shard: String, operation: String)
    /// A file operation failed.
    case io(path: String, reason: String)

    /// A stable name for the case, for programs to switch on (the server
    /// sends it as `data.reason`).
    public var code: String {
        switch self {
        case .unavailable: return "shard_unavailable"
        case .noneAvailable: return "no_shard_available"
        case .badStub: return "bad_stub"
        case .layoutMismatch: return "layout_mismatch"
        case .unknownShardCount: return "unknown_shard_count"
        case .remoteShard: return "remote_shard"
        case .io: return "io"
        }
    }

    /// A readable message naming the shard, file or index.
    public var description: String {
        switch self {
        case .unavailable(let shard, let reason):
            return "shard \(shard) is unavailable: \(reason)"
        case .noneAvailable(let shards):
            return "no shard is available (\(shards.joined(separator: ", ")))"
        case .badStub(let file, let line, let reason):
            return "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case .layoutMismatch(let index, let reason):
            return "index \(index): \(reason)"
        case .unknownShardCount(let index):
            return "index \(index): its index.stub cannot be read, so the number of shards to rebuild is unknown"
        case .remoteShard(let shard, let operation):
            return "shard \(shard) is remote: \(operation) it on the machine that holds it"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
