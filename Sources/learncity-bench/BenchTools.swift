import Foundation
import Synchronization

/// The executables the benchmark runs: itself (for child indexers), the
/// `learncity` CLI built next to it, and Xapian's `quest` if installed.
struct BenchTools {
    /// This executable.
    let bench: String
    /// The learncity CLI next to it, if built.
    let learncity: String?
    /// Xapian's `quest`, if installed.
    let quest: String?
    /// `scripts/xapian-baseline.py` when python3-xapian is installed: plain Xapian from Python.
    let pythonBaseline: String?

    static func locate() -> BenchTools {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let sibling = ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent("learncity")
        let learncity = FileManager.default.isExecutableFile(atPath: sibling) ? sibling : nil
        let quest = ["/usr/bin/quest", "/usr/local/bin/quest"].first { FileManager.default.isExecutableFile(atPath: $0) }
        // The package root: the working directory, or three levels above .build/release/learncity-bench.
        let roots = [FileManager.default.currentDirectoryPath,
                     ((me as NSString).deletingLastPathComponent as NSString).appendingPathComponent("../..")]
        let script = roots.map { ($0 as NSString).appendingPathComponent("scripts/xapian-baseline.py") }
            .first { FileManager.default.fileExists(atPath: $0) }
        let python = script.flatMap { script in
            (try? ProcessRunner.run(Self.python, ["-c", "import xapian"]))?.status == 0 ? script : nil
        }
        return BenchTools(bench: me, learncity: learncity, quest: quest, pythonBaseline: python)
    }

    /// The Debian Python that python3-xapian installs into.
    static let python = "/usr/bin/python3"

    /// Runs the Python baseline script with `arguments` and decodes its JSON output.
    func runPythonBaseline<T: Decodable>(_ arguments: [String], as type: T.Type) throws -> T {
        guard let pythonBaseline else { throw BenchFailure(description: "python3-xapian is not installed") }
        let result = try ProcessRunner.run(Self.python, [pythonBaseline] + arguments)
        guard result.status == 0 else {
            throw BenchFailure(description: "python baseline failed: " + String(decoding: result.stderr, as: UTF8.self))
        }
        return try JSONDecoder().decode(T.self, from: result.stdout)
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
        if !captureOutput { return try spawnAndWait(executable, arguments) }
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
        let stderr = Mutex(Data())
        if captureOutput {
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async {
                let data = err.fileHandleForReading.readDataToEndOfFile()
                stderr.withLock { $0 = data }
                group.leave()
            }
            stdout = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
        }
        process.waitUntilExit()
        let seconds = Clock.now() - started
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr.withLock { $0 }, seconds: seconds)
    }

    /// Runs a command with output discarded, timed with `posix_spawn` and
    /// `waitpid`: Foundation's `Process.waitUntilExit` polls on Linux and adds
    /// tens of milliseconds, which would swamp a one-shot command's wall time.
    private static func spawnAndWait(_ executable: String, _ arguments: [String]) throws -> Result {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Clock.now()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchFailure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let seconds = Clock.now() - started
        return Result(status: (status >> 8) & 0xFF, stdout: Data(), stderr: Data(), seconds: seconds)
    }
}

/// A monotonic clock in seconds.
enum Clock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
