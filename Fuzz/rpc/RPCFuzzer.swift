import FuzzHarness
import FuzzSupport

/// Fuzz target `rpc`: bytes on serve's stdin → framing, nesting scan, decoding, read-only methods (see RPCHarness).
nonisolated(unsafe) let harness = FuzzDriver.harness { RPCHarness() }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRPC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.check { try harness.run(UnsafeBufferPointer(start: data, count: size)) }
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_rpc_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzRPC)
}
