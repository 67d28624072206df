import FuzzHarness
import FuzzSupport

/// Fuzz target `corpus`: a corpus .jsonl file and a .txt article → corpus reader → document analysis (see CorpusHarness).
nonisolated(unsafe) let harness = FuzzDriver.harness { try CorpusHarness() }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCorpus(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.check { try harness.run(UnsafeBufferPointer(start: data, count: size)) }
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_corpus_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzCorpus)
}
