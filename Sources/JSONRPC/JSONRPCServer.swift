import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON-RPC 2.0 over a pair of file descriptors (stdin/stdout for
/// `learncity serve`), serving any `JSONRPCMethods`: one request (or batch) per line in, one response line
/// out per answered line, written and flushed before the next line is read
/// (`JSONRPCWorkerServer` answers on several threads).
/// Logs go to `log` (standard error), never to the output.
///
/// Hostile input is answered, not fatal: lines over the cap are dropped up to
/// the next newline and answered with -32600; invalid UTF-8, bad JSON and
/// nesting deeper than `JSONNestingScanner.maxDepth` with -32700.
public final class JSONRPCServer {
    /// Why `run()` returned.
    public enum Exit: Equatable, Sendable {
        /// The input ended (EOF): every request read was answered.
        case endOfInput
        /// A `shutdown` request was answered.
        case shutdown
        /// The output was closed by the reader (EPIPE): nothing more can be answered.
        case outputClosed
        /// Reading the input failed with this errno.
        case inputFailed(Int32)
    }

    /// The methods.
    public let dispatcher: any JSONRPCMethods
    /// The longest request line accepted, in bytes.
    public let maxLineBytes: Int
    private let input: Int32
    private let output: Int32
    private let log: (String) -> Void
    private let decoder = JSONDecoder()

    /// A server reading `input` and writing `output`, lines capped at `maxLineBytes` (1 MiB by default).
    public init(dispatcher: any JSONRPCMethods, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO,
                maxLineBytes: Int = 1 << 20, log: @escaping (String) -> Void) {
        self.dispatcher = dispatcher
        self.input = input
        self.output = output
        self.maxLineBytes = maxLineBytes
        self.log = log
    }

    /// Serves until EOF, `shutdown` or a closed output. Ignores SIGPIPE so a
    /// closed output is an EPIPE error, not a kill.
    public func run() -> Exit {
        signal(SIGPIPE, SIG_IGN)
        var framer = LineFramer(maxLineBytes: maxLineBytes)
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var exit: Exit?
        func handle(_ event: LineFramer.Event) {
            guard exit == nil else { return }
            let reply: [UInt8]?
            switch event {
            case .line(let line):
                reply = respond(to: line)
            case .tooLong(let length):
                reply = tooLong(length)
            }
            if let reply, !write(reply) {
                exit = .outputClosed
            } else if dispatcher.shutdownRequested {
                exit = .shutdown
            }
        }
        while exit == nil {
            let count = read(input, chunk.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .inputFailed(errno)
            }
            if count == 0 {
                framer.finish(emit: handle)
                return exit ?? .endOfInput
            }
            framer.feed(UnsafeBufferPointer(rebasing: chunk[0..<count]), emit: handle)
        }
        return exit ?? .endOfInput
    }

    /// The response line (without newline) for one input line, or nil when
    /// nothing is to be answered (a blank line, notifications only).
    public func respond(to line: [UInt8]) -> [UInt8]? {
        answer(parse(line))
    }

    /// One input line, parsed: already answered (blank, not UTF-8, not
    /// JSON, too deep, an empty batch), or the request or batch to run.
    public enum ParsedLine: Sendable {
        /// Nothing to run: the answer line (nil for a blank line).
        case answered([UInt8]?)
        /// One request (maybe invalid: running it answers why).
        case request(JSONValue)
        /// A non-empty batch.
        case batch([JSONValue])

        /// True when every request of the line calls one of `methods` (a line
        /// that runs nothing too); an invalid request calls nothing known.
        public func onlyCalls(_ methods: Set<String>) -> Bool {
            func calls(_ value: JSONValue) -> Bool {
                guard case .object(let members) = value, case .string(let method)? = members["method"] else { return false }
                return methods.contains(method)
            }
            switch self {
            case .answered: return true
            case .request(let value): return calls(value)
            case .batch(let values): return values.allSatisfy(calls)
            }
        }
    }

    /// Parses one input line (without running anything).
    public func parse(_ line: [UInt8]) -> ParsedLine {
        var bytes = line[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return .answered(nil) }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .answered(encode(JSONRPCResponse(id: .null, error: JSONRPCError(.parseError, "parse error: the line is not valid UTF-8"))))
        }
        guard JSONNestingScanner.depth(of: bytes) != nil else {
            return .answered(encode(JSONRPCResponse(id: .null, error: JSONRPCError(
                .parseError, "parse error: JSON nested deeper than \(JSONNestingScanner.maxDepth) levels"))))
        }
        let value: JSONValue
        do {
            value = try decoder.decode(JSONValue.self, from: Data(bytes))
        } catch {
            return .answered(encode(JSONRPCResponse(id: .null, error: JSONRPCError(.parseError, "parse error: \(Self.describe(error, in: bytes))"))))
        }
        if case .array(let batch) = value {
            guard !batch.isEmpty else {
                return .answered(encode(JSONRPCResponse(id: .null, error: JSONRPCError(.invalidRequest, "invalid request: empty batch"))))
            }
            return .batch(batch)
        }
        return .request(value)
    }

    /// The answer to a line over the cap (`length` bytes), which was skipped.
    public func tooLong(_ length: Int) -> [UInt8] {
        encode(JSONRPCResponse(id: .null, error: JSONRPCError(
            .invalidRequest, "request line too long: \(length) bytes (the limit is \(maxLineBytes)); it was skipped")))
    }

    /// Runs a parsed line: the response line (without newline), or nil when
    /// nothing is to be answered (a blank line, notifications only).
    public func answer(_ line: ParsedLine) -> [UInt8]? {
        switch line {
        case .answered(let reply):
            return reply
        case .batch(let batch):
            let responses = batch.compactMap(answer)
            return responses.isEmpty ? nil : encode(responses)
        case .request(let value):
            return answer(value).map(encode)
        }
    }

    /// Runs one request; nil for a notification.
    private func answer(_ value: JSONValue) -> JSONRPCResponse? {
        let request: JSONRPCRequest
        do {
            request = try JSONRPCRequest.parse(value)
        } catch {
            return JSONRPCResponse(id: error.id ?? .null, error: error.error)
        }
        let outcome = dispatcher.dispatch(request)
        guard let id = request.id else {
            if case .failure(let error) = outcome { log("notification '\(request.method)' failed: \(error.message)") }
            return nil
        }
        switch outcome {
        case .success(let result): return JSONRPCResponse(id: id, result: result)
        case .failure(let error):
            if error.code == JSONRPCErrorCode.internalError.rawValue { log("'\(request.method)' failed: \(error.message)") }
            return JSONRPCResponse(id: id, error: error)
        }
    }

    /// One response (or batch) as JSON; an internal error if it cannot be encoded.
    private func encode<T: Encodable>(_ value: T) -> [UInt8] {
        do {
            return [UInt8](try JSONOutput.data(value))
        } catch {
            log("cannot encode a response: \(error)")
            let id = (value as? JSONRPCResponse)?.id ?? .null
            let fallback = JSONRPCResponse(id: id, error: JSONRPCError(.internalError, "internal error: the result could not be encoded as JSON"))
            return (try? [UInt8](JSONOutput.data(fallback))) ?? Array(#"{"error":{"code":-32603,"message":"internal error"},"id":null,"jsonrpc":"2.0"}"#.utf8)
        }
    }

    /// Writes `line` and a newline in full; false when the output is closed or failing.
    private func write(_ line: [UInt8]) -> Bool {
        JSONRPCOutput.write(line, to: output)
    }

    /// Why `bytes` is not JSON, in one line. JSONDecoder only says "not
    /// valid JSON"; JSONSerialization, asked on this error path only, says where.
    static func describe(_ error: Error, in bytes: ArraySlice<UInt8>) -> String {
        var text = "not valid JSON"
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            // The line is JSON: the decoder's own account says what does not fit.
            if let decoding = error as? DecodingError, case .dataCorrupted(let context) = decoding {
                text = context.debugDescription
            }
        } catch {
            // The line is not JSON: the parser's account says where.
            if let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String, !detail.isEmpty {
                text = "not valid JSON: \(detail)"
            }
        }
        text = text.replacingOccurrences(of: "\n", with: " ")
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
