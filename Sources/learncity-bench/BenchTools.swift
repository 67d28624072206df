import Foundation

/// The executables the benchmark runs: itself (for child indexers), the
/// `learncity` CLI built next to it, and Xapian's `quest` if installed.
struct BenchTools {
    /// This executable.
    let bench: String
    /// The learncity CLI next to it, if built.
    let learncity: String?
    /// Xapian's `quest`, if installed.
    let quest: String?

    static func locate() -> BenchTools {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let sibling = ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent("learncity")
        let learncity = FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil
        let quest = ["/usr/bin/quest", "/usr/local/bin/quest"].first { FileManager.default.isExecutableFile(atPath: $0) }
        return BenchTools(bench: me, learncity: learncity, quest: quest)
    }

    /// True when `learncity --help` lists `subcommand`, i.e. the build has it.
    func learncityHas(subcommand: String) -> Bool {
        guard let learncity, let result = try? ProcessRunner.run(learncity, ["--help"]), result.status == 0 else { return false }
        let help = String(decoding: result.stdout, as: UTF8.self)
        return help.split(separator: "\n").contains { line in
            line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) == subcommand
                && line.hasPrefix("  ")
        }
    }
}

/// Runs a process to completion, capturing its output.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var seconds: Double
    }

    static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        if captureOutput {
            process.standardOutput = out
            process.standardError = err
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        let started = Clock.now()
        try process.run()
        var stdout = Data()
        let stderr = DataBox()
        if captureOutput {
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async {
                stderr.data = err.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            stdout = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
        }
        process.waitUntilExit()
        let seconds = Clock.now() - started
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr.data, seconds: seconds)
    }
}

/// Data filled by another thread before a `DispatchGroup.wait()`.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A monotonic clock in seconds.
enum Clock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
