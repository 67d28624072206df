import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a server's answer lines go: a file descriptor, one whole line per
/// write, from any thread. Unordered, a line goes out as soon as it is
/// answered; `ordered`, answers wait for every line read before theirs.
final class JSONRPCOutput: Sendable {
    private struct State {
        /// False once a write failed (EPIPE: the reader went away).
        var open = true
        /// The next input line whose answer may go out (ordered only).
        var next = 0
        /// Answers waiting for earlier ones, by input line (nil: the line needed no answer).
        var waiting: [Int: [UInt8]?] = [:]
    }

    private let descriptor: Int32
    private let ordered: Bool
    private let state = Mutex(State())

    /// Lines to `descriptor`, in input order when `ordered`.
    init(descriptor: Int32, ordered: Bool) {
        self.descriptor = descriptor
        self.ordered = ordered
    }

    /// Delivers the answer to input line `sequence` (nil when it has none);
    /// false once the output is closed.
    @discardableResult
    func deliver(_ sequence: Int, _ reply: [UInt8]?) -> Bool {
        state.withLock { state in
            guard state.open else { return false }
            guard ordered else {
                if let reply, !Self.write(reply, to: descriptor) { state.open = false }
                return state.open
            }
            state.waiting[sequence] = .some(reply)
            while let ready = state.waiting.removeValue(forKey: state.next) {
                state.next += 1
                if let ready, !Self.write(ready, to: descriptor) {
                    state.open = false
                    return false
                }
            }
            return true
        }
    }

    /// False once a write failed.
    var isOpen: Bool { state.withLock { $0.open } }

    /// Writes `line` and a newline in full; false when the output is closed or failing.
    static func write(_ line: [UInt8], to descriptor: Int32) -> Bool {
        var bytes = line
        bytes.append(0x0A)
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }
}

#if canImport(Glibc)
private let posixWrite = Glibc.write
#elseif canImport(Darwin)
private let posixWrite = Darwin.write
#endif
