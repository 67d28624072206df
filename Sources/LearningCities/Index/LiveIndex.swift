import Foundation

/// The index a long-running process (`learncity serve`) reads: opened on
/// first use (so the server can start before the index exists) and moved to
/// the latest committed revision before every use, so that a concurrent
/// `learncity index` in another process is picked up without a restart.
public final class LiveIndex {
    /// Where the index is.
    public let path: String
    private var reader: IndexReader?

    /// The index at `path`, with `reader` when it is already open.
    public init(path: String, reader: IndexReader? = nil) {
        self.path = path
        self.reader = reader
    }

    /// The reader on the latest revision; throws `IndexError.missing` while there is no index.
    public func current() throws -> IndexReader {
        if let reader {
            try reader.refresh()
            return reader
        }
        let opened = try IndexReader(path: path)
        reader = opened
        return opened
    }

}
