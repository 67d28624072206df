#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines of at most `maxLineBytes` bytes. A longer
/// line is not kept in memory: its bytes are dropped up to the next newline
/// and reported as `.tooLong`, after which framing carries on normally.
public struct LineFramer {
    /// What the framer found.
    public enum Event: Equatable {
        /// A complete line, without its `\n` (or `\r\n`).
        case line([UInt8])
        /// A line longer than the cap was dropped; its length in bytes.
        case tooLong(Int)
    }

    /// The longest line kept, in bytes (1 MiB by default).
    public let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var discarding = false
    private var discarded = 0

    /// A framer capping lines at `maxLineBytes`.
    public init(maxLineBytes: Int = 1 << 20) {
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Frames the next chunk of input, calling `emit` for each event, in order.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, emit: (Event) -> Void) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        let count = chunk.count
        while start < count {
            let remaining = count - start
            if let found = memchr(base + start, 0x0A, remaining) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let segment = UnsafeBufferPointer(rebasing: chunk[start..<end])
                if discarding {
                    emit(.tooLong(discarded + segment.count))
                    discarding = false
                    discarded = 0
                } else if buffer.count + segment.count > maxLineBytes {
                    emit(.tooLong(buffer.count + segment.count))
                    buffer.removeAll(keepingCapacity: false)
                } else {
                    buffer.append(contentsOf: segment)
                    if buffer.last == 0x0D { buffer.removeLast() }
                    emit(.line(buffer))
                    buffer.removeAll(keepingCapacity: true)
                }
                start = end + 1
            } else {
                if discarding {
                    discarded += remaining
                } else if buffer.count + remaining > maxLineBytes {
                    discarding = true
                    discarded = buffer.count + remaining
                    buffer.removeAll(keepingCapacity: false)
                } else {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<count]))
                }
                start = count
            }
        }
    }

    /// Frames `bytes` (convenience for tests and callers holding arrays).
    public mutating func feed(_ bytes: [UInt8], emit: (Event) -> Void) {
        bytes.withUnsafeBufferPointer { feed($0, emit: emit) }
    }

    /// At end of input: the last line if it had no newline, or the dropped one.
    public mutating func finish(emit: (Event) -> Void) {
        if discarding {
            emit(.tooLong(discarded))
        } else if !buffer.isEmpty {
            if buffer.last == 0x0D { buffer.removeLast() }
            emit(.line(buffer))
        }
        buffer.removeAll()
        discarding = false
        discarded = 0
    }
}
