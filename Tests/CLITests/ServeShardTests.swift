import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `learncity serve-shard` runs xapian-tcpsrv, which sends SIGTERM to its
/// whole process group when it is terminated. Started from a script without
/// job control (the script, the server and whatever else the script runs
/// share one process group), terminating the server must not kill the script.
@Suite struct ServeShardTests {
    static let tcpServerProblem: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/xapian-tcpsrv") }
        if !found { return "xapian-tcpsrv is not installed (apt-get install xapian-tools; scripts/install-deps does it)" }
        return nil
    }()

    /// The script: start `command` (which listens on `$port`) in the
    /// background, wait until it says "Listening..." (printed by
    /// xapian-tcpsrv once it has bound its own socket), terminate it, then
    /// say whether the script itself lived on. A port another process took
    /// first makes the server exit ("already in use"): the script tries
    /// another, up to five, and prints the one used.
    static func script(_ command: String) -> String {
        """
        out=$(mktemp)
        server=
        for attempt in 1 2 3 4 5; do
            port=$((20000 + RANDOM % 20000))
            \(command) >"$out" 2>&1 &
            server=$!
            for i in $(seq 1 100); do
                grep -q '^Listening' "$out" && break
                kill -0 $server 2>/dev/null || break
                sleep 0.1
            done
            grep -q '^Listening' "$out" && break
            kill -KILL $server 2>/dev/null; wait $server 2>/dev/null; server=
        done
        [ -n "$server" ] || { echo "never listened: $(cat "$out")"; exit 3; }
        echo "listening on port $port"
        kill -TERM $server
        wait $server
        sleep 0.5
        echo "script survived"
        """
    }

    /// Runs `script` with bash in a new session (so that the test runner is
    /// never in its process group), with default signal handling; gives up
    /// after 60 s.
    static func runDetached(_ script: String) throws -> (status: Int32, output: String) {
        let output = try ServeFixture.temporaryFolder() + "/output"
        let pid = FaultSupport.spawn("/bin/bash", ["-c", script], output: output, newSession: true)
        guard pid > 0 else { throw ServeProcess.Failure(description: "cannot start bash") }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(60)
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(-pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw ServeProcess.Failure(description: "the script did not finish in 60 s")
            }
            usleep(50_000)
        }
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    @Test(.enabled(if: tcpServerProblem == nil, "skipped: \(tcpServerProblem ?? "")"))
    func terminatingTheShardServerSparesTheScriptThatStartedIt() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let served = try Self.runDetached(Self.script("'\(ServeFixture.binary)' serve-shard --index '\(index)' --port $port"))
        #expect(served.output.contains("script survived"), "status \(served.status), output \(served.output)")

        // The hazard itself: xapian-tcpsrv run directly in the script's group takes the script with it.
        let direct = try Self.runDetached(Self.script("xapian-tcpsrv --interface 127.0.0.1 --port $port '\(index)'"))
        #expect(!direct.output.contains("script survived"), "xapian-tcpsrv no longer signals its process group: \(direct.output)")
    }
}
