import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `learncity serve` subprocess spoken to through pipes, with
/// every wait bounded so that a hung server fails a test instead of hanging it.
///
/// `@unchecked Sendable`: its reader threads and the test share it; the
/// output lines are guarded by `condition`, standard error by `stderrLock`,
/// and the pipes and process are set once in `init`.
final class ServeProcess: @unchecked Sendable {
    /// Failures of the harness itself (timeouts, early exits).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private let condition = NSCondition()
    private var lines: [String] = []
    private var outputEnded = false
    private var stderrText = ""
    private let stderrLock = NSLock()

    /// Starts `learncity serve --index index` (or another line-protocol
    /// subcommand, e.g. `mcp`); `readOutput: false` leaves stdout unread (to close it).
    init(index: String, subcommand: String = "serve", extraArguments: [String] = [], readOutput: Bool = true) throws {
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = URL(fileURLWithPath: ServeFixture.binary)
        process.arguments = [subcommand, "--index", index] + extraArguments
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        if readOutput {
            let handle = stdoutPipe.fileHandleForReading
            Thread.detachNewThread { [self] in readLines(from: handle.fileDescriptor) }
        }
        let errors = stderrPipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = errors.availableData
                if data.isEmpty { break }
                stderrLock.lock()
                stderrText += String(decoding: data, as: UTF8.self)
                stderrLock.unlock()
            }
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// What the server wrote to standard error so far.
    var standardError: String {
        stderrLock.lock()
        defer { stderrLock.unlock() }
        return stderrText
    }

    private func readLines(from fd: Int32) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            var complete: [String] = []
            while let newline = pending.firstIndex(of: 0x0A) {
                complete.append(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
            if !complete.isEmpty {
                condition.lock()
                lines.append(contentsOf: complete)
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        outputEnded = true
        condition.broadcast()
        condition.unlock()
    }

    /// Writes raw bytes to the server's stdin; false when the pipe is closed.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
        return bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Sends one line (a newline is added).
    func send(_ line: String) {
        write(Array((line + "\n").utf8))
    }

    /// The next response line, or a failure after `timeout` seconds.
    func nextLine(timeout: TimeInterval = 20) throws -> String {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while lines.isEmpty {
            if outputEnded {
                throw Failure(description: "the server closed its output (stderr: \(standardError))")
            }
            if !condition.wait(until: deadline) {
                throw Failure(description: "no response within \(timeout) s (stderr: \(standardError))")
            }
        }
        return lines.removeFirst()
    }

    /// The next response line parsed as JSON.
    func nextJSON(timeout: TimeInterval = 20) throws -> Any {
        let line = try nextLine(timeout: timeout)
        return try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
    }

    /// The next response, which must be a JSON object.
    func nextResponse(timeout: TimeInterval = 20) throws -> [String: Any] {
        guard let object = try nextJSON(timeout: timeout) as? [String: Any] else {
            throw Failure(description: "expected a JSON object response")
        }
        return object
    }

    /// Sends a request with `id`, `method` and `params`, and returns its response
    /// (matched by id: the server may answer other requests first).
    func call(_ method: String, id: Any = 1, params: [String: Any]? = nil, timeout: TimeInterval = 20) throws -> [String: Any] {
        var request: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { request["params"] = params }
        send(String(decoding: try JSONSerialization.data(withJSONObject: request), as: UTF8.self))
        return try response(id: id, timeout: timeout)
    }

    /// The response whose id is `id` (a number or a string), taken from the
    /// lines received so far or waited for; the other lines stay queued.
    func response(id: Any, timeout: TimeInterval = 20) throws -> [String: Any] {
        func matches(_ line: String) -> [String: Any]? {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            if let wanted = id as? Int, object["id"] as? Int == wanted { return object }
            if let wanted = id as? String, object["id"] as? String == wanted { return object }
            return nil
        }
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        var scanned = 0
        while true {
            while scanned < lines.count {
                if let found = matches(lines[scanned]) {
                    lines.remove(at: scanned)
                    return found
                }
                scanned += 1
            }
            if outputEnded {
                throw Failure(description: "the server closed its output before answering id \(id) (stderr: \(standardError))")
            }
            if !condition.wait(until: deadline) {
                throw Failure(description: "no response with id \(id) within \(timeout) s (stderr: \(standardError))")
            }
        }
    }

    /// Closes the server's stdin (EOF).
    func closeInput() {
        try? stdinPipe.fileHandleForWriting.close()
    }

    /// Closes the read end of the server's stdout: its next write fails with EPIPE.
    func closeOutput() {
        try? stdoutPipe.fileHandleForReading.close()
    }

    /// True when the output has ended and every line was read. Waits (at
    /// most `timeout` s) for the reader thread to see the end: the server may
    /// have exited a moment before that thread ran, and asking at once
    /// would fail by chance.
    func outputHasEnded(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !outputEnded, condition.wait(until: deadline) {}
        return outputEnded && lines.isEmpty
    }

    /// The exit status, or nil if the server is still running after `timeout` seconds (it is then killed).
    func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
