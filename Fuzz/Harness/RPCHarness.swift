import Foundation
import JSONRPC
import LearncityServe
import LearningCities

/// Bytes as they arrive on `serve`'s stdin → line framing (cap 4 KiB) →
/// UTF-8 check, nesting scan, JSON decoding, request validation → dispatch
/// of the read-only methods on the fixture index (opened once) → the
/// response line. Every response must be one JSON object or array on one
/// line; anything else is a finding.
public final class RPCHarness {
    /// The serve methods that only read: writes and shutdown are refused, so
    /// the fuzzer cannot change the index or stop the server.
    final class ReadOnlyMethods: JSONRPCMethods {
        static let allowed: Set<String> = ["search", "recommend", "city", "cities", "stats"]
        let inner: RequestDispatcher
        init(_ inner: RequestDispatcher) { self.inner = inner }
        var shutdownRequested: Bool { false }
        func dispatch(_ request: JSONRPCRequest) -> Result<any Encodable & Sendable, JSONRPCError> {
            guard Self.allowed.contains(request.method) else {
                return .failure(JSONRPCError(.methodNotFound, "not fuzzed: \(request.method)"))
            }
            return inner.dispatch(request)
        }
    }

    private let server: JSONRPCServer

    /// A harness serving the fixture index (built once per process).
    public init() {
        server = JSONRPCServer(dispatcher: ReadOnlyMethods(RequestDispatcher(index: LiveIndex(path: FuzzFixture.index))),
                               input: -1, output: -1, maxLineBytes: 4096, log: { _ in })
    }

    /// Runs one input: its bytes fed to the framer as one read, then end of input.
    public func run(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        var framer = LineFramer(maxLineBytes: server.maxLineBytes)
        var finding: FuzzFinding?
        func handle(_ event: LineFramer.Event) {
            guard finding == nil, case .line(let line) = event, let reply = server.respond(to: line) else { return }
            guard let object = try? JSONSerialization.jsonObject(with: Data(reply)),
                  object is [String: Any] || object is [Any] else {
                finding = FuzzFinding("response is not a JSON object or array: \(String(decoding: reply, as: UTF8.self))")
                return
            }
            if reply.contains(0x0A) { finding = FuzzFinding("response spans lines: \(String(decoding: reply, as: UTF8.self))") }
        }
        framer.feed(bytes, emit: handle)
        framer.finish(emit: handle)
        if let finding { throw finding }
    }
}
