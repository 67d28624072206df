/// libFuzzer's driver, called from each target's entry point. SwiftPM links
/// an executable target with `main` aliased to `<module>_main`, which would
/// hide libFuzzer's own `main`; each target therefore defines that symbol
/// and hands over to `LLVMFuzzerRunDriver` (libFuzzer, LLVM 11 and later).
public enum FuzzDriver {
    /// The type of a target's `LLVMFuzzerTestOneInput`.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

    /// Runs libFuzzer with the process's arguments and `target`.
    public static func run(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           _ target: TestOneInput) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, target)
    }

    /// Runs one input through a harness: a finding stops the fuzzer (libFuzzer
    /// then saves the input as a crash).
    public static func check(_ body: () throws -> Void) -> CInt {
        do {
            try body()
        } catch {
            fatalError("fuzz finding: \(error)")
        }
        return 0
    }

    /// The harness `make` builds, or a stop saying why it could not be built.
    public static func harness<H>(_ make: () throws -> H) -> H {
        do {
            return try make()
        } catch {
            fatalError("cannot set up the fuzz harness: \(error)")
        }
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzDriver.TestOneInput) -> CInt
