import Foundation
import LearningCities

/// What every fuzz target shares: the repository's fixtures, a small index
/// built once per process, and scratch folders.
public enum FuzzFixture {
    /// The repository root (this file is Fuzz/Support/FuzzFixture.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The small corpus of the serve tests (cities, themes, a few documents).
    public static let corpus = root + "/Tests/CLITests/Fixtures/ServeCorpus"

    /// A fresh scratch folder under the temporary directory, removed at exit.
    public static func scratch(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "learncity-fuzz-\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        scratchFolders.append(path)
        if scratchFolders.count == 1 { atexit { FuzzFixture.scratchFolders.forEach { try? FileManager.default.removeItem(atPath: $0) } } }
        return path
    }
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

    /// Writes `bytes` to `path` (fails loudly: the fuzzer's own scratch space must work).
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write \(path)")
        }
    }

    /// Stops the fuzzer with a finding: a failure that must not happen.
    public static func finding(_ message: String) -> Never {
        fatalError("fuzz finding: \(message)")
    }
}
