import Foundation
import LearningCities
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Faults real deployments meet: a full disk, a damaged index, folders that
/// are read-only or someone else's, a stub that names itself, a killed
/// compaction. Each ends in one readable line and exit status 1 (or a
/// JSON-RPC error), never a crash, a hang or a half-written index.
/// (docs/reliability.md lists them.)
@Suite(.serialized) struct FaultTests {
    /// The documents and the total for "learning" of the index at `index`.
    static func state(of index: String) throws -> (documents: Int, learning: Int) {
        let stats = try ServeFixture.run(["stats", "--index", index, "--json"])
        let search = try ServeFixture.run(["search", "--index", index, "--json", "--limit", "1", "learning"])
        guard stats.status == 0, search.status == 0 else {
            throw ServeProcess.Failure(description: "index \(index) unreadable: \(stats.stderr) \(search.stderr)")
        }
        let documents = try JSONDecoder().decode(IndexStatistics.self, from: Data(stats.stdout.utf8)).documents
        let total = (try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])?["total"] as? Int
        return (documents, total ?? -1)
    }

    /// True when `run` failed the documented way: status 1 (not a signal),
    /// one line on standard error.
    static func failedCleanly(_ run: ServeFixture.Run) -> Bool {
        run.status == 1 && run.stderr.hasPrefix("learncity: ") && run.stderr.split(separator: "\n").count == 1
    }

    // MARK: Disk full

    @Test(.enabled(if: FaultSupport.mountProblem == nil, "skipped: \(FaultSupport.mountProblem ?? "")"))
    func diskFullDuringIndexKeepsThePreviousIndex() throws {
        let disk = try FaultSupport.mountTmpfs(megabytes: 32)
        defer { FaultSupport.unmount(disk) }
        let index = disk + "/index"
        let first = try ServeFixture.run(["index", "--corpus", CLITests.shippedCorpus, "--index", index])
        try #require(first.status == 0, "\(first.stderr)")
        let before = try Self.state(of: index)

        // Leave 1 MB free, then refresh the index from a corpus five times larger.
        let filler = disk + "/filler"
        try FaultSupport.fill(disk, leaving: 1 << 20, with: filler)
        let big = try FaultSupport.enlargedCorpus(in: try ServeFixture.temporaryFolder())
        let full = try ServeFixture.run(["index", "--corpus", big, "--index", index])
        #expect(Self.failedCleanly(full), "\(full.status) \(full.stderr)")
        #expect(full.stderr.contains("no space left on the device holding index \(index)"), "\(full.stderr)")
        #expect(full.stderr.contains("keeps its last committed revision"))
        #expect(try Self.state(of: index) == before, "the previous index is whole and searchable")

        // No lock left behind: with room again, the same run succeeds.
        try FileManager.default.removeItem(atPath: filler)
        let again = try ServeFixture.run(["index", "--corpus", big, "--index", index])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.state(of: index).documents > before.documents)
    }

    @Test(.enabled(if: FaultSupport.mountProblem == nil, "skipped: \(FaultSupport.mountProblem ?? "")"))
    func diskFullDuringUpsertIsAnErrorAndEarlierWritesStay() throws {
        let disk = try FaultSupport.mountTmpfs(megabytes: 32)
        defer { FaultSupport.unmount(disk) }
        let index = disk + "/index"
        try #require(try ServeFixture.run(["index", "--corpus", CLITests.shippedCorpus, "--index", index]).status == 0)
        let server = try ServeProcess(index: index)
        defer { server.kill() }
        func upsert(_ id: String, words: Int) throws -> [String: Any] {
            let body = (0..<words).map { "từ\(id)x\($0)" }.joined(separator: " ")
            return try server.call("upsert", params: ["documents": [["id": id, "body": body, "lang": "vi"]]], timeout: 60)
        }
        let acknowledged = try upsert("fault/kept", words: 50)
        #expect(acknowledged["result"] != nil, "\(acknowledged)")

        // Fill the disk, then write a document too big for what is left.
        let filler = disk + "/filler"
        try FaultSupport.fill(disk, leaving: 0, with: filler)
        let refused = try upsert("fault/refused", words: 40_000)
        let error = refused["error"] as? [String: Any]
        #expect(error?["code"] as? Int == -32007, "\(refused)")
        #expect((error?["message"] as? String)?.contains("no space left") == true, "\(refused)")

        // The server goes on; the acknowledged write is there, the refused one is not.
        let found = try server.call("search", params: ["query": "từfault/keptx7", "limit": 5])
        #expect(((found["result"] as? [String: Any])?["total"] as? Int) == 1, "\(found)")
        let missing = try server.call("search", params: ["query": "từfault/refusedx7", "limit": 5])
        #expect(((missing["result"] as? [String: Any])?["total"] as? Int) == 0, "\(missing)")

        // With room again, writes work (no lock was left behind).
        try FileManager.default.removeItem(atPath: filler)
        let later = try upsert("fault/later", words: 50)
        #expect(later["result"] != nil, "\(later)")
    }

    // MARK: Damaged index

    /// Ways an index folder gets damaged, applied to a fresh copy.
    static let damages: [(name: String, damage: @Sendable (String) throws -> Void)] = [
        ("truncated postlist table", { try truncate($0 + "/postlist.glass", to: size(of: $0 + "/postlist.glass") / 2) }),
        ("truncated docdata table", { try truncate($0 + "/docdata.glass", to: 8192) }),
        ("overwritten postlist blocks", { try overwrite($0 + "/postlist.glass", at: 8192, count: size(of: $0 + "/postlist.glass") - 8192) }),
        ("overwritten termlist blocks", { try overwrite($0 + "/termlist.glass", at: 8192, count: size(of: $0 + "/termlist.glass") - 8192) }),
        ("missing postlist table", { try FileManager.default.removeItem(atPath: $0 + "/postlist.glass") }),
        ("missing version file", { try FileManager.default.removeItem(atPath: $0 + "/iamglass") }),
        ("truncated version file", { try truncate($0 + "/iamglass", to: 60) }),
        ("empty version file", { try truncate($0 + "/iamglass", to: 0) }),
    ]

    /// The size of the file at `path` in bytes.
    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func truncate(_ path: String, to size: Int) throws {
        guard Glibc.truncate(path, off_t(size)) == 0 else { throw ServeProcess.Failure(description: "truncate \(path)") }
    }

    /// Overwrites `count` bytes at `offset` with a fixed pseudo-random pattern.
    static func overwrite(_ path: String, at offset: UInt64, count: Int) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        var state: UInt32 = 2_463_534_242
        let bytes = (0..<count).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
        try handle.write(contentsOf: bytes)
    }

    @Test(arguments: 0..<damages.count)
    func aDamagedIndexIsNamedWithHowToRebuildIt(damage: Int) throws {
        let (name, apply) = Self.damages[damage]
        let folder = try ServeFixture.temporaryFolder()
        let index = folder + "/index"
        try #require(try ServeFixture.run(["index", "--corpus", CLITests.shippedCorpus, "--index", index]).status == 0)
        let before = try Self.state(of: index)
        try apply(index)

        let commands: [[String]] = [
            ["search", "--index", index, "learning"],
            ["stats", "--index", index],
            ["recommend", "--index", index, "Sơn La"],
            ["index", "--corpus", CLITests.shippedCorpus, "--index", index],
            ["compact", "--index", index],
        ]
        for command in commands {
            let run = try ServeFixture.run(command, timeout: 60)
            #expect(Self.failedCleanly(run), "\(name): \(command[0]) → \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("index \(index) is damaged"), "\(name): \(command[0]) → \(run.stderr)")
            #expect(run.stderr.contains("learncity index --rebuild --index \(index)"), "\(name): \(command[0])")
        }

        // The server starts anyway and answers -32002 with the same advice.
        let server = try ServeProcess(index: index)
        defer { server.kill() }
        let answer = try server.call("search", params: ["query": "learning"], timeout: 30)
        let error = answer["error"] as? [String: Any]
        #expect(error?["code"] as? Int == -32002, "\(name): \(answer)")
        #expect((error?["message"] as? String)?.contains("is damaged") == true, "\(name): \(answer)")
        server.closeInput()
        #expect(server.waitForExit() == 0)

        // The advice works.
        let rebuilt = try ServeFixture.run(["index", "--rebuild", "--corpus", CLITests.shippedCorpus, "--index", index])
        #expect(rebuilt.status == 0, "\(name): \(rebuilt.stderr)")
        #expect(try Self.state(of: index) == before, "\(name): rebuilt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".rebuild-") }.isEmpty,
                "no rebuild folder left behind")
    }

    // MARK: Permissions

    @Test(.enabled(if: FaultSupport.otherUserProblem == nil, "skipped: \(FaultSupport.otherUserProblem ?? "")"))
    func aReadOnlyIndexFolderIsSearchableButNotWritable() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        let parent = (index as NSString).deletingLastPathComponent
        chmod(parent, 0o755)
        for file in try FileManager.default.contentsOfDirectory(atPath: index) { chmod(index + "/" + file, 0o444) }
        chmod(index, 0o555)

        let search = try FaultSupport.runAsOtherUser(["search", "--index", index, "learning"])
        #expect(search.status == 0, "reading needs no write permission: \(search.stderr)")
        for command in [["index", "--corpus", ServeFixture.fixture("ServeCorpus"), "--index", index], ["compact", "--index", index]] {
            let run = try FaultSupport.runAsOtherUser(command)
            #expect(Self.failedCleanly(run), "\(command[0]): \(run.stderr)")
            #expect(run.stderr.contains("cannot write index \(index): permission denied: it belongs to root (uid 0), mode r-xr-xr-x, "
                                        + "and learncity runs as nobody (uid 65534)"), "\(command[0]): \(run.stderr)")
            #expect(!run.stderr.contains("locked"), "not mistaken for a lock held by another process")
        }
    }

    @Test(.enabled(if: FaultSupport.otherUserProblem == nil, "skipped: \(FaultSupport.otherUserProblem ?? "")"))
    func anIndexFolderOfAnotherUserIsNamedAsSuch() throws {
        let (_, index) = try ServeFixture.indexedFixture()
        chmod((index as NSString).deletingLastPathComponent, 0o755)
        chmod(index, 0o700)
        let search = try FaultSupport.runAsOtherUser(["search", "--index", index, "learning"])
        #expect(Self.failedCleanly(search), "\(search.stderr)")
        #expect(search.stderr.contains("cannot read index \(index): permission denied: it belongs to root (uid 0), mode rwx------"),
                "\(search.stderr)")
        let index2 = try FaultSupport.runAsOtherUser(["index", "--corpus", ServeFixture.fixture("ServeCorpus"), "--index", index])
        #expect(Self.failedCleanly(index2), "\(index2.stderr)")
        #expect(index2.stderr.contains("permission denied") && !index2.stderr.contains("no index at"), "\(index2.stderr)")
    }

    @Test(.enabled(if: FaultSupport.mountProblem == nil, "skipped: \(FaultSupport.mountProblem ?? "")"))
    func aReadOnlyFileSystemIsSaidSo() throws {
        let disk = try FaultSupport.mountTmpfs(megabytes: 8)
        defer { FaultSupport.unmount(disk) }
        let index = disk + "/index"
        try #require(try ServeFixture.run(["index", "--corpus", ServeFixture.fixture("ServeCorpus"), "--index", index]).status == 0)
        #expect(FaultSupport.shell(["mount", "-o", "remount,ro", disk]) == 0)
        #expect(try ServeFixture.run(["search", "--index", index, "learning"]).status == 0)
        for target in [index, disk + "/new-index"] {
            let run = try ServeFixture.run(["index", "--corpus", ServeFixture.fixture("ServeCorpus"), "--index", target])
            #expect(Self.failedCleanly(run), "\(run.stderr)")
            #expect(run.stderr.contains("cannot write index \(target): the file system holding it is mounted read-only"), "\(run.stderr)")
        }
        let server = try ServeProcess(index: index)
        defer { server.kill() }
        let answer = try server.call("upsert", params: ["documents": [["id": "ro/1", "body": "learning"]]], timeout: 30)
        #expect((answer["error"] as? [String: Any])?["code"] as? Int == -32007, "\(answer)")
        server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    // MARK: Stubs

    @Test func aStubThatNamesItselfIsRefused() throws {
        let folder = try ServeFixture.temporaryFolder()
        try "auto self.stub\n".write(toFile: folder + "/self.stub", atomically: true, encoding: .utf8)
        let run = try ServeFixture.run(["search", "--index", folder + "/self.stub", "learning"], timeout: 30)
        #expect(Self.failedCleanly(run), "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("self.stub: it names itself"), "\(run.stderr)")

        try "auto b.stub\n".write(toFile: folder + "/a.stub", atomically: true, encoding: .utf8)
        try "auto ./a.stub\n".write(toFile: folder + "/b.stub", atomically: true, encoding: .utf8)
        let loop = try ServeFixture.run(["stats", "--index", folder + "/a.stub"], timeout: 30)
        #expect(Self.failedCleanly(loop), "\(loop.status) \(loop.stderr)")
        #expect(loop.stderr.contains("stub files name each other in a loop (a.stub → b.stub → a.stub)"), "\(loop.stderr)")

        // Also inside a sharded index folder, and with a line learncity does not parse.
        let sharded = folder + "/sharded"
        try FileManager.default.createDirectory(atPath: sharded, withIntermediateDirectories: true)
        try "auto index.stub\nremote :xapian-progsrv shard\n".write(toFile: sharded + "/index.stub", atomically: true, encoding: .utf8)
        let inFolder = try ServeFixture.run(["search", "--index", sharded, "learning"], timeout: 30)
        #expect(Self.failedCleanly(inFolder), "\(inFolder.status) \(inFolder.stderr)")
        #expect(inFolder.stderr.contains("names itself"), "\(inFolder.stderr)")
    }

    // MARK: Killed compaction

    @Test(arguments: [false, true])
    func aKilledCompactionLeavesAUsableIndex(sharded: Bool) throws {
        let folder = try ServeFixture.temporaryFolder()
        let index = folder + "/index"
        let big = try FaultSupport.enlargedCorpus(in: folder)
        let built = try ServeFixture.run(["index", "--corpus", big, "--index", index] + (sharded ? ["--shards", "2"] : []))
        try #require(built.status == 0, "\(built.stderr)")
        let before = try Self.state(of: index)
        var killedMidway = 0
        for delay in [0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8] {
            let pid = FaultSupport.spawn(["compact", "--index", index])
            try #require(pid > 0)
            Thread.sleep(forTimeInterval: delay)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == 0 {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                killedMidway += 1
            }
            #expect(try Self.state(of: index) == before, "after SIGKILL at \(delay) s the index answers as before")
        }
        #expect(killedMidway > 0, "at least one compaction was killed before it finished")
        // The lock is free and a full compaction still works.
        let compact = try ServeFixture.run(["compact", "--index", index])
        #expect(compact.status == 0, "\(compact.stderr)")
        #expect(try Self.state(of: index) == before)
        // ... and removed what the killed ones left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".compacting-") }.isEmpty)
        if sharded {
            #expect(try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasPrefix("compacted-") }.count == 1)
        }
    }

    /// Kills `learncity arguments` after each of `delays` seconds (or lets it
    /// finish), calling `check` after every run; returns how many were killed.
    static func killRepeatedly(_ arguments: [String], delays: [Double], check: () throws -> Void) throws -> Int {
        var killed = 0
        for delay in delays {
            let pid = FaultSupport.spawn(arguments)
            try #require(pid > 0)
            Thread.sleep(forTimeInterval: delay)
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == 0 {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                killed += 1
            }
            try check()
        }
        return killed
    }

    @Test func aKilledParallelBuildLeavesTheOldIndexAndNoLeftovers() throws {
        let folder = try ServeFixture.temporaryFolder()
        let index = folder + "/index"
        try #require(try ServeFixture.run(["index", "--corpus", CLITests.shippedCorpus, "--index", index]).status == 0)
        let before = try Self.state(of: index)
        let big = try FaultSupport.enlargedCorpus(in: folder)

        // How long a whole parallel build of the big corpus takes here.
        let started = Date()
        let timed = try ServeFixture.run(["index", "--jobs", "2", "--corpus", big, "--index", folder + "/timed"])
        try #require(timed.status == 0, "\(timed.stderr)")
        let seconds = Date().timeIntervalSince(started)

        // An existing index rebuilt by parallel writers and merged: killed at
        // every stage (indexing, merging, swapping), it answers as before.
        let rebuild = ["index", "--rebuild", "--jobs", "2", "--corpus", big, "--index", index]
        let killed = try Self.killRepeatedly(rebuild, delays: [0.2, 0.5, 0.8, 0.95].map { $0 * seconds }) {
            let now = try Self.state(of: index)
            let whole = try Self.state(of: folder + "/timed").documents
            #expect(now == before || now.documents == whole, "the old index, or (killed after the swap) the whole new one: \(now)")
        }
        #expect(killed > 0, "at least one build was killed before it finished")

        // A new index built in parallel and killed: the next run completes.
        let fresh = folder + "/fresh"
        _ = try Self.killRepeatedly(["index", "--jobs", "2", "--corpus", big, "--index", fresh], delays: [0.6 * seconds]) {}
        let again = try ServeFixture.run(["index", "--jobs", "2", "--corpus", big, "--index", fresh])
        #expect(again.status == 0, "\(again.stderr)")

        // Completed runs remove what killed ones left behind.
        let done = try ServeFixture.run(rebuild)
        #expect(done.status == 0, "\(done.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.contains(".rebuild-") || $0.contains(".building-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
