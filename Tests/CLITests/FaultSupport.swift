import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the fault tests need from the machine: size-limited tmpfs mounts
/// (root), another user to run as (root and setpriv), and processes spawned
/// with default signal handling so that they can be killed mid-way.
enum FaultSupport {
    /// Why tmpfs cannot be mounted here, or nil when it can (checked once).
    static let mountProblem: String? = {
        guard geteuid() == 0 else { return "not root: mount -t tmpfs is not permitted" }
        let probe = NSTemporaryDirectory() + "learncity-mount-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard shell(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe]) == 0 else {
            return "mount -t tmpfs is not permitted here (no CAP_SYS_ADMIN?)"
        }
        _ = shell(["umount", probe])
        return nil
    }()

    /// Why the tests cannot run a command as another user, or nil when they can.
    static let otherUserProblem: String? = {
        guard geteuid() == 0 else { return "not root: cannot run learncity as another user" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return "setpriv (util-linux) is not installed" }
        return nil
    }()

    /// The unprivileged user the tests run as (nobody).
    static let otherUID: uid_t = 65534

    /// Runs a program and returns its exit status.
    @discardableResult
    static func shell(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A tmpfs of `megabytes` mounted on a fresh folder; `unmount` it when done.
    static func mountTmpfs(megabytes: Int) throws -> String {
        let folder = try ServeFixture.temporaryFolder()
        guard shell(["mount", "-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", folder]) == 0 else {
            throw ServeProcess.Failure(description: "mount -t tmpfs on \(folder) failed")
        }
        return folder
    }

    /// Unmounts `folder` (lazily, so a process still in it cannot keep the mount) and removes it.
    static func unmount(_ folder: String) {
        shell(["umount", "-l", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Fills the file system holding `folder` with the file `filler` until
    /// `bytes` are left free (all of it when 0).
    static func fill(_ folder: String, leaving bytes: Int64, with filler: String) throws {
        let free = (try FileManager.default.attributesOfFileSystem(forPath: folder)[.systemFreeSize] as? NSNumber)?.int64Value ?? 0
        var arguments = ["dd", "if=/dev/zero", "of=\(filler)", "bs=64k"]
        if bytes > 0 { arguments.append("count=\(max(0, free - bytes) / 65536)") }
        shell(arguments)
    }

    /// Runs `learncity arguments` as the unprivileged user.
    static func runAsOtherUser(_ arguments: [String], timeout: TimeInterval = 120) throws -> ServeFixture.Run {
        try ServeFixture.run(["--reuid=\(otherUID)", "--regid=\(otherUID)", "--clear-groups", ServeFixture.binary] + arguments,
                             timeout: timeout, executable: "/usr/bin/setpriv")
    }

    /// A corpus four times the shipped one plus the shipped documents
    /// (every copy a new id): about 2,750 documents, to fill a small disk.
    static func enlargedCorpus(in folder: String) throws -> String {
        let corpus = folder + "/big-corpus"
        try FileManager.default.copyItem(atPath: CLITests.shippedCorpus, toPath: corpus)
        var lines: [String] = []
        let documents = URL(fileURLWithPath: CLITests.shippedCorpus + "/documents")
        let files = FileManager.default.enumerator(at: documents, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "jsonl" }
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let id = object["id"] as? String, let body = object["body"] as? String else { continue }
                for copy in 0..<4 {
                    object["id"] = "\(id)-copy\(copy)"
                    object["body"] = body + " bản sao \(copy) copy \(copy)"
                    lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
                }
            }
        }
        try lines.joined(separator: "\n").write(toFile: corpus + "/documents/copies.jsonl", atomically: true, encoding: .utf8)
        return corpus
    }

    /// Starts `learncity arguments` with default signal handling (a test
    /// runner's threads may block or ignore signals, and a child inherits
    /// that) and output to /dev/null; returns its pid.
    static func spawn(_ arguments: [String]) -> pid_t {
        spawn(ServeFixture.binary, arguments)
    }

    /// Starts `executable arguments` with an empty signal mask and default
    /// signal handlers, standard output to `output` (or /dev/null), standard
    /// error to /dev/null, in a new session when `newSession`, with
    /// `environment` added to this process's; returns its pid.
    static func spawn(_ executable: String, _ arguments: [String], output: String = "/dev/null",
                      newSession: Bool = false, environment: [String: String] = [:]) -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newSession { flags |= 0x80 }  // POSIX_SPAWN_SETSID (glibc 2.26)
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, envp) == 0 else { return -1 }
        return pid
    }
}
