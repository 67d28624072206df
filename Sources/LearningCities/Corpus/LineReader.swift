import Foundation

/// Reads a file line by line in fixed-size chunks, so that a large JSONL file
/// is never held in memory whole. Lines are raw bytes (UTF-8 is checked by the caller).
struct LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private let chunkSize: Int

    init(path: String, chunkSize: Int = 1 << 20) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CorpusError.unreadable(path, "cannot open file")
        }
        self.handle = handle
        self.chunkSize = chunkSize
    }

    /// The next line without its newline (and without a trailing CR), or nil at end of file.
    mutating func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = buffer[start..<newline]
                start = newline + 1
                if line.last == 0x0D { line = line.dropLast() }
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { finished = true }
            buffer.removeSubrange(0..<start)
            start = 0
            buffer.append(contentsOf: chunk)
        }
    }

    func close() {
        try? handle.close()
    }
}
