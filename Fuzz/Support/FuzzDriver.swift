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
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzDriver.TestOneInput) -> CInt
