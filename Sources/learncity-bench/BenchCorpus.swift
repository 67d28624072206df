import Foundation
import LearningCities

/// A corpus ready for both indexers: a learncity corpus folder and the same
/// documents as one flat JSONL (`id`, `title`, `body`) for the baseline.
struct PreparedCorpus {
    /// The learncity corpus folder.
    var folder: String
    /// One JSON object per line with `id`, `title`, `body` (the baseline's input).
    var flatPath: String
    /// Documents.
    var documents: Int
    /// Bytes of title + body text (UTF-8).
    var textBytes: Int

    func summary(name: String) -> CorpusSummary {
        CorpusSummary(name: name, documents: documents, textMB: Double(textBytes) / 1e6)
    }
}

/// The corpus line of the report.
struct CorpusSummary: Codable {
    var name: String
    var documents: Int
    var textMB: Double
}

/// Prepares `shipped`, `vntc-10k`, `vntc` or a corpus folder.
enum BenchCorpus {
    /// One line of the flat file.
    struct FlatDocument: Codable {
        var id: String
        var type: String
        var title: String
        var body: String
        var lang: String?
    }

    static func prepare(_ name: String, vntcFolder: String, work: String, maxDocuments: Int?) throws -> PreparedCorpus {
        switch name {
        case "vntc-10k":
            return try convertVNTC((vntcFolder as NSString).appendingPathComponent("vntc_sample_10k.jsonl.gz"),
                                   work: work, maxDocuments: maxDocuments)
        case "vntc":
            return try convertVNTC((vntcFolder as NSString).appendingPathComponent("vntc_10topics.jsonl.gz"),
                                   work: work, maxDocuments: maxDocuments)
        case "shipped":
            return try flatten(folder: "corpus", work: work, maxDocuments: maxDocuments)
        default:
            return try flatten(folder: name, work: work, maxDocuments: maxDocuments)
        }
    }

    /// Streams a gzipped VNTC JSONL (`id`, `text`) through `gzip -dc` into a
    /// learncity corpus: type news, language vi, first line the title. The
    /// shipped cities are copied in so city linking runs as in production.
    /// `record` hears each converted document's id with its source object
    /// (the quality check keeps `topic` and `text`).
    static func convertVNTC(_ gzPath: String, work: String, maxDocuments: Int?,
                            record: ((String, [String: Any]) -> Void)? = nil) throws -> PreparedCorpus {
        guard FileManager.default.fileExists(atPath: gzPath) else { throw BenchFailure(description: "no VNTC file at \(gzPath)") }
        let folder = (work as NSString).appendingPathComponent("corpus")
        let documents = (folder as NSString).appendingPathComponent("documents")
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: "corpus/cities.jsonl") {
            try FileManager.default.copyItem(atPath: "corpus/cities.jsonl",
                                             toPath: (folder as NSString).appendingPathComponent("cities.jsonl"))
        }
        let flatPath = (documents as NSString).appendingPathComponent("vntc.jsonl")
        let writer = try BufferedWriter(path: flatPath)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-dc", gzPath]
        let pipe = Pipe()
        gzip.standardOutput = pipe
        try gzip.run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var count = 0
        var textBytes = 0
        var lines = ChunkedLines(handle: pipe.fileHandleForReading)
        while let line = lines.next() {
            if let maxDocuments, count >= maxDocuments { break }
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
                  let text = object["text"] as? String else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let parts = trimmed.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            let title = parts[0].trimmingCharacters(in: .whitespaces)
            let body = parts[1].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { continue }
            let document = FlatDocument(id: "vntc-\(count + 1)", type: "news", title: title, body: body, lang: "vi")
            writer.write(try encoder.encode(document))
            writer.write(Data([0x0A]))
            record?(document.id, object)
            count += 1
            textBytes += title.utf8.count + body.utf8.count
        }
        gzip.terminate()
        gzip.waitUntilExit()
        try writer.close()
        return PreparedCorpus(folder: folder, flatPath: flatPath, documents: count, textBytes: textBytes)
    }

    /// Reads a learncity corpus folder and writes its documents as the flat file.
    static func flatten(folder: String, work: String, maxDocuments: Int?) throws -> PreparedCorpus {
        let reader = CorpusReader(root: folder)
        let cities = Set(try reader.readCities().cities.map(\.id))
        let flatPath = (work as NSString).appendingPathComponent("flat.jsonl")
        let writer = try BufferedWriter(path: flatPath)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var count = 0
        var textBytes = 0
        try reader.readDocuments(knownCities: cities, issue: { _ in }) { document in
            if let maxDocuments, count >= maxDocuments { return }
            let flat = FlatDocument(id: document.id, type: document.type.rawValue, title: document.title,
                                    body: document.body, lang: document.lang?.rawValue)
            writer.write(try encoder.encode(flat))
            writer.write(Data([0x0A]))
            count += 1
            textBytes += document.title.utf8.count + document.body.utf8.count
        }
        try writer.close()
        if maxDocuments != nil {
            // The learncity side must index exactly the same documents: give it the flat file as its corpus.
            let limited = (work as NSString).appendingPathComponent("corpus")
            let documents = (limited as NSString).appendingPathComponent("documents")
            try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
            let cityFile = (folder as NSString).appendingPathComponent("cities.jsonl")
            if FileManager.default.fileExists(atPath: cityFile) {
                try FileManager.default.copyItem(atPath: cityFile, toPath: (limited as NSString).appendingPathComponent("cities.jsonl"))
            }
            try FileManager.default.copyItem(atPath: flatPath, toPath: (documents as NSString).appendingPathComponent("flat.jsonl"))
            return PreparedCorpus(folder: limited, flatPath: flatPath, documents: count, textBytes: textBytes)
        }
        return PreparedCorpus(folder: folder, flatPath: flatPath, documents: count, textBytes: textBytes)
    }
}

/// Lines of a file handle, read as the data arrives (never the whole stream).
struct ChunkedLines {
    let handle: FileHandle
    private var buffer = Data()
    private var start = 0
    private var finished = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                return Data(line)
            }
            if finished {
                guard start < buffer.endIndex else { return nil }
                let line = buffer[start...]
                start = buffer.endIndex
                return Data(line)
            }
            let chunk = handle.availableData
            buffer = Data(buffer[start...]) + chunk
            start = buffer.startIndex
            if chunk.isEmpty { finished = true }
        }
    }
}

/// Appends to a file through a 1 MiB buffer.
final class BufferedWriter {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchFailure(description: "cannot write \(path)")
        }
        self.handle = handle
    }

    func write(_ data: Data) {
        buffer.append(data)
        if buffer.count >= 1 << 20 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
    }

    func close() throws {
        handle.write(buffer)
        buffer.removeAll()
        try handle.close()
    }
}
