import Foundation
import LearningCities

/// What every fuzz target shares: the repository's fixtures, a small index
/// built once per process, and scratch folders.
public enum FuzzFixture {
    /// The repository root (this file is Fuzz/Harness/FuzzFixture.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The small corpus of the serve tests (cities, themes, a few documents).
    public static let corpus = root + "/Tests/CLITests/Fixtures/ServeCorpus"

    /// A fresh scratch folder under the temporary directory, removed at exit
    /// (one per call: a test process may hold several harnesses).
    public static func scratch(_ name: String) -> String {
        let path = scratchLock.withLock { () -> String in
            scratchCount += 1
            return NSTemporaryDirectory() + "learncity-fuzz-\(name)-\(getpid())-\(scratchCount)"
        }
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        scratchLock.withLock {
            scratchFolders.append(path)
            if scratchFolders.count == 1 { atexit { FuzzFixture.scratchFolders.forEach { try? FileManager.default.removeItem(atPath: $0) } } }
        }
        return path
    }
    private static let scratchLock = NSLock()
    nonisolated(unsafe) private static var scratchCount = 0
    nonisolated(unsafe) static var scratchFolders: [String] = []

    /// An index of `corpus`, built once per process.
    public static let index: String = {
        let path = scratch("index") + "/index"
        do {
            _ = try CorpusIndexer(corpusPath: corpus, indexPath: path).run(issue: { _ in }, progress: { _ in })
        } catch {
            fatalError("cannot build the fuzz fixture index from \(corpus): \(error)")
        }
        return path
    }()

    /// Writes `bytes` to `path` in place (fails loudly: the fuzzer's own
    /// scratch space must work). Plain open/write/close: FileManager's
    /// atomic write adds a temporary file, an fsync and a rename, which made
    /// the file-reading targets wait on the disk for every input.
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}
