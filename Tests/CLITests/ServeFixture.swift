import Foundation

/// The built `learncity` executable, the serve fixture corpus and runs with a time limit.
enum ServeFixture {
    /// Root of the package (three levels above this file).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `.build/debug/learncity`.
    static let binary = packageRoot + "/.build/debug/learncity"

    /// A fixture folder under `Tests/CLITests/Fixtures`.
    static func fixture(_ name: String) -> String {
        packageRoot + "/Tests/CLITests/Fixtures/" + name
    }

    /// A value shared with a background thread, behind a lock.
    final class Box<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value

        init(_ value: Value) {
            stored = value
        }

        var value: Value {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }

    /// The outcome of a finished run.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `learncity arguments`, failing after `timeout` seconds.
    static func run(_ arguments: [String], timeout: TimeInterval = 120, executable: String = binary) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = Box(Data()), stderr = Box(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { stdout.value = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { stderr.value = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            throw ServeProcess.Failure(description: "learncity \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        _ = group.wait(timeout: .now() + 10)
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout.value, as: UTF8.self),
                   stderr: String(decoding: stderr.value, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "learncity-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies the fixture corpus `name` to a temporary folder and indexes it there; returns (corpus, index).
    static func indexedFixture(_ name: String = "ServeCorpus") throws -> (corpus: String, index: String) {
        let folder = try temporaryFolder()
        let corpus = folder + "/corpus"
        try FileManager.default.copyItem(atPath: fixture(name), toPath: corpus)
        let index = folder + "/index"
        let run = try run(["index", "--corpus", corpus, "--index", index])
        guard run.status == 0 else { throw ServeProcess.Failure(description: "indexing the fixture failed: \(run.stderr)") }
        return (corpus, index)
    }
}
