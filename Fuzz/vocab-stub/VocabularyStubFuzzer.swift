import FuzzHarness
import FuzzSupport

/// Fuzz target `vocab-stub`: themes, abbreviations, cities or a stub file → their readers and users (see VocabularyStubHarness).
nonisolated(unsafe) let harness = FuzzDriver.harness { try VocabularyStubHarness() }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVocabularyAndStub(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzDriver.check { try harness.run(UnsafeBufferPointer(start: data, count: size)) }
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_vocab_stub_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzVocabularyAndStub)
}
