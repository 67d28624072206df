import ArgumentParser
import Foundation
import LearningCities
#if canImport(Glibc)
import Glibc
#endif

/// `learncity serve-shard`: run Xapian's own `xapian-tcpsrv` for one shard.
struct ServeShardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-shard",
        abstract: "Serve one shard to remote learncity readers with xapian-tcpsrv (package xapian-tools).",
        discussion: """
            A thin wrapper: it runs `xapian-tcpsrv --interface HOST --port PORT SHARD` in place of itself, \
            in a session of its own (xapian-tcpsrv signals its whole process group when it is terminated). \
            List the shard in the index.stub of the machine that searches as `remote HOST:PORT`.
            xapian-tcpsrv has NO authentication and NO encryption: bind it to a private network address or \
            127.0.0.1 behind an SSH tunnel, never to a public interface.
            """)

    @Option(name: .long, help: ArgumentHelp("A shard folder, or a sharded index folder together with --shard.", valueName: "dir"))
    var index: String

    @Option(name: .long, help: ArgumentHelp("Which shard of a sharded index folder to serve (0-based).", valueName: "k"))
    var shard: Int?

    @Option(name: .long, help: "TCP port to listen on.")
    var port: Int

    @Option(name: .long, help: ArgumentHelp("Address to listen on (default 127.0.0.1).", valueName: "host"))
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Print the xapian-tcpsrv command instead of running it.")
    var printCommand = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be in 1...65535") }
        if let shard, shard < 0 { throw ValidationError("--shard must be 0 or more") }
    }

    func run() throws {
        let database = try shardPath()
        let arguments = ["xapian-tcpsrv", "--interface", host, "--port", String(port), database]
        if printCommand {
            print(arguments.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " "))
            return
        }
        guard let program = Self.find("xapian-tcpsrv") else {
            throw CommandFailure(description: "xapian-tcpsrv not found on PATH; install it (Debian: apt-get install xapian-tools)")
        }
        Terminal.standardError.write("learncity: serving \(database) on \(host):\(port); stub line: remote \(host):\(port)\n")
        // xapian-tcpsrv sends SIGTERM to its whole process group when it is
        // terminated (Xapian 1.4). Started by a supervisor, a test harness or a
        // script without job control, that group is theirs: give the server a
        // session (and process group) of its own first. setsid fails only when
        // this process already leads its group (a shell job, a systemd unit),
        // and then the group is ours anyway.
        if getpgrp() != getpid() { _ = setsid() }
        let cArguments = arguments.map { strdup($0) } + [nil]
        execv(program, cArguments)
        throw CommandFailure(description: "cannot run \(program): \(String(cString: strerror(errno)))")
    }

    /// The database folder to serve.
    private func shardPath() throws -> String {
        if ShardedIndexLayout.isSharded(index) {
            let stub = try ShardStub.read(from: ShardedIndexLayout(folder: index).stubPath)
            guard let shard else {
                throw CommandFailure(description: "\(index) is a sharded index with \(stub.entries.count) shards: choose one with --shard 0…\(stub.entries.count - 1)")
            }
            guard shard < stub.entries.count else {
                throw CommandFailure(description: "--shard \(shard): \(index) has \(stub.entries.count) shards (0…\(stub.entries.count - 1))")
            }
            guard case .local(let path) = stub.entries[shard] else {
                throw ShardError.remoteShard(shard: stub.entries[shard].description, operation: "serve")
            }
            return ShardStub.resolve(path, stubPath: ShardedIndexLayout(folder: index).stubPath)
        }
        guard IndexReader.exists(at: index) else { throw IndexError.missing(index) }
        if shard != nil { throw CommandFailure(description: "--shard needs a sharded index folder; \(index) is one database") }
        return index
    }

    /// The first executable `name` on PATH.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
