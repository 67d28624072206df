import FuzzHarness
import FuzzSupport

/// Fuzz target `query`: query text → analysis → QueryParser → search on the fixture index (see QueryHarness).
nonisolated(unsafe) let harness = FuzzDriver.harness { try QueryHarness() }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.check { try harness.run(UnsafeBufferPointer(start: data, count: size)) }
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_query_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzQuery)
}
