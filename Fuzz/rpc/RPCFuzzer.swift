import Foundation
import FuzzSupport
import JSONRPC
import LearncityServe
import LearningCities

/// The serve methods that only read: writes and shutdown are refused, so the
/// fuzzer cannot change the index or stop the server.
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

nonisolated(unsafe) let server = JSONRPCServer(
    dispatcher: ReadOnlyMethods(RequestDispatcher(index: LiveIndex(path: FuzzFixture.index))),
    input: -1, output: -1, maxLineBytes: 4096, log: { _ in })

/// Fuzz target: bytes as they arrive on `serve`'s stdin → line framing (cap
/// 4 KiB) → UTF-8 check, nesting scan, JSON decoding, request validation →
/// dispatch of the read-only methods → the response line. Every response
/// must be one JSON object or array; a response that is not, a crash or a
/// sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRPC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var framer = LineFramer(maxLineBytes: server.maxLineBytes)
    func handle(_ event: LineFramer.Event) {
        guard case .line(let line) = event, let reply = server.respond(to: line) else { return }
        guard let object = try? JSONSerialization.jsonObject(with: Data(reply)),
              object is [String: Any] || object is [Any] else {
            FuzzFixture.finding("response is not a JSON object or array: \(String(decoding: reply, as: UTF8.self))")
        }
        if reply.contains(0x0A) { FuzzFixture.finding("response spans lines") }
    }
    framer.feed(UnsafeBufferPointer(start: data, count: size), emit: handle)
    framer.finish(emit: handle)
    return 0
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_rpc_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzRPC)
}
