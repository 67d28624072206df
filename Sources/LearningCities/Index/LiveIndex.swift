import Foundation

/// The index a long-running process (`learncity serve`) reads: opened on
/// first use (so the server can start before the index exists) and moved to
/// the latest committed revision before every use, so that a concurrent
/// `learncity index` in another process is picked up without a restart.
/// One per thread, like the reader it holds.
public final class LiveIndex {
    /// Where the index is.
    public let path: String
    /// How its shards are reached.
    public let shardOptions: ShardOptions
    private var reader: IndexReader?

    /// The index at `path` (its shards reached with `shardOptions`), with
    /// `reader` when it is already open.
    public init(path: String, shardOptions: ShardOptions = ShardOptions(), reader: IndexReader? = nil) {
        self.path = path
        self.shardOptions = shardOptions
        self.reader = reader
    }

    /// The reader on the latest revision; throws `IndexError.missing` while there is no index.
    public func current() throws -> IndexReader {
        if let reader {
            try reader.refresh()
            return reader
        }
        let opened = try IndexReader(path: path, shardOptions: shardOptions)
        reader = opened
        return opened
    }

}
