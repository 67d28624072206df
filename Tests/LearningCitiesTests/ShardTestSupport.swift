import Foundation
@testable import LearningCities

/// Helpers shared by the shard tests: the shipped corpus, temp folders,
/// and `xapian-tcpsrv` processes.
enum ShardTestSupport {
    /// The repository's shipped corpus.
    static var corpus: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
    }

    /// A fresh empty temp folder.
    static func temporaryFolder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "learncity-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Queries covering words, accents, folding, phrases, booleans, ranges and filters.
    static let requests: [SearchRequest] = [
        SearchRequest(query: "học tập suốt đời", limit: 50),
        SearchRequest(query: "hoc tap suot doi", limit: 50),
        SearchRequest(query: "learning city", limit: 50),
        SearchRequest(query: "\"learning festival\"", limit: 50),
        SearchRequest(query: "literacy OR numeracy", limit: 50),
        SearchRequest(query: "education", limit: 50, type: "initiative"),
        SearchRequest(query: "thành phố học tập", limit: 50, country: "VN"),
        SearchRequest(query: "community", limit: 50, lang: "en"),
        SearchRequest(query: "learning", limit: 20, offset: 10),
        SearchRequest(query: "2020..2024 learning", limit: 50),
        SearchRequest(query: "digital skills -youth", limit: 50),
        SearchRequest(query: "library museum", limit: 50),
        SearchRequest(query: "unesco", limit: 1000),
        SearchRequest(query: "lifelong lerning festivl", limit: 50),
        SearchRequest(query: "thanh pho hoc tap", limit: 5),
    ]

    /// The fields in which two answers differ, as JSON paths with both values
    /// (`results[7].score: 3.16 ≠ 5.08`); empty when they are equal.
    static func differences<T: Encodable>(_ first: T, _ second: T) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func tree(_ value: T) -> Any? {
            (try? encoder.encode(value)).flatMap { try? JSONSerialization.jsonObject(with: $0, options: [.fragmentsAllowed]) }
        }
        var found: [String] = []
        func compare(_ a: Any?, _ b: Any?, _ path: String) {
            if let a = a as? [String: Any], let b = b as? [String: Any] {
                for key in Set(a.keys).union(b.keys).sorted() { compare(a[key], b[key], path.isEmpty ? key : path + "." + key) }
            } else if let a = a as? [Any], let b = b as? [Any], a.count == b.count {
                for index in a.indices { compare(a[index], b[index], "\(path)[\(index)]") }
            } else {
                let left = a.map { "\($0)" } ?? "nil", right = b.map { "\($0)" } ?? "nil"
                if left != right { found.append("\(path): \(left.prefix(120)) ≠ \(right.prefix(120))") }
            }
        }
        compare(tree(first), tree(second), "")
        return found
    }

    /// Path of `xapian-tcpsrv`, or nil when it is not installed.
    static var tcpServer: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/xapian-tcpsrv" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A TCP port nothing listens on right now (asked from the kernel).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// What a server printed while we waited for its ready line.
    enum ReadyLine {
        /// The line came; the rest of the output is drained in the background.
        case found
        /// The output ended first (the process exited), with what it said.
        case ended(String)
        /// Nothing decided within the time, with what it said so far.
        case timedOut(String)
    }

    /// Reads `handle` until a line equal to `line` appears, the output ends or
    /// `seconds` pass; keeps reading (and discarding) afterwards so that the
    /// process never blocks on a full pipe.
    static func waitForLine(_ line: String, from handle: FileHandle, seconds: Double) -> ReadyLine {
        // @unchecked: `text` and `state` are only touched under `lock`.
        final class Watch: @unchecked Sendable {
            let lock = NSLock()
            var text = ""
            var state: ReadyLine?
            let decided = DispatchSemaphore(value: 0)
            func decide(_ value: ReadyLine) {
                lock.lock(); defer { lock.unlock() }
                guard state == nil else { return }
                state = value
                decided.signal()
            }
        }
        let watch = Watch()
        let thread = Thread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty {
                    watch.lock.lock(); let text = watch.text; watch.lock.unlock()
                    watch.decide(.ended(text))
                    return
                }
                watch.lock.lock()
                watch.text += String(decoding: chunk, as: UTF8.self)
                let found = watch.text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == line }
                watch.lock.unlock()
                if found { watch.decide(.found) }
            }
        }
        thread.start()
        if watch.decided.wait(timeout: .now() + seconds) == .timedOut {
            watch.lock.lock(); let text = watch.text; watch.lock.unlock()
            watch.decide(.timedOut(text))
        }
        watch.lock.lock(); defer { watch.lock.unlock() }
        return watch.state!
    }
}
