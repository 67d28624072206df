import Foundation

/// Reads a corpus folder: `cities.jsonl` and `documents/` (`*.jsonl` and
/// `*.txt`, any depth). Bad lines and files become `CorpusIssue`s naming
/// `file:line`; everything else is delivered, one document at a time.
public struct CorpusReader: Sendable {
    /// The corpus folder.
    public let root: String

    /// A reader for the corpus at `root`.
    public init(root: String) {
        self.root = root
    }

    /// Fails with `.missingFolder` when the corpus folder does not exist.
    public func checkExists() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusError.missingFolder(root)
        }
    }

    /// The cities of `cities.jsonl` (none when the file is absent) and the issues found.
    public func readCities() throws -> (cities: [City], issues: [CorpusIssue]) {
        try checkExists()
        let path = (root as NSString).appendingPathComponent("cities.jsonl")
        guard FileManager.default.fileExists(atPath: path) else { return ([], []) }
        var cities: [City] = []
        var issues: [CorpusIssue] = []
        var seen: [String: Int] = [:]
        try forEachJSONLine(path: path, file: "cities.jsonl", issue: { issues.append($0) }) { object, line in
            switch CityRecord.parse(object) {
            case .failure(let problem):
                issues.append(CorpusIssue(file: "cities.jsonl", line: line, reason: problem.reason))
            case .success(let city):
                if let first = seen[city.id] {
                    issues.append(CorpusIssue(file: "cities.jsonl", line: line,
                                              reason: "duplicate city id '\(city.id)' (first on line \(first))"))
                } else {
                    seen[city.id] = line
                    cities.append(city)
                }
            }
        }
        return (cities, issues)
    }

    /// Paths of the document files, relative to `documents/`, sorted.
    public func documentFiles() throws -> [String] {
        try checkExists()
        let folder = (root as NSString).appendingPathComponent("documents")
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".jsonl") || relative.hasSuffix(".txt") { files.append(relative) }
        }
        return files.sorted()
    }

    /// About how many documents `readDocuments` will deliver: the lines of
    /// the JSON Lines files plus one per text file (a fast byte count, for
    /// progress; blank and bad lines are counted too).
    public func documentLineCount() throws -> Int {
        var count = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        for relative in try documentFiles() {
            guard relative.hasSuffix(".jsonl") else {
                count += 1
                continue
            }
            let path = (root as NSString).appendingPathComponent("documents/" + relative)
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            var last: UInt8 = 0x0A
            while true {
                let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if got <= 0 { break }
                for index in 0..<got where buffer[index] == 0x0A { count += 1 }
                last = buffer[got - 1]
            }
            if last != 0x0A { count += 1 }
        }
        return count
    }

    /// Reads every document, calling `issue` for each bad line or file and
    /// `body` for each good document. `knownCities` are the valid city ids.
    public func readDocuments(knownCities: Set<String>, issue: (CorpusIssue) -> Void,
                              _ body: (SourceDocument) throws -> Void) throws {
        var seen: [String: String] = [:]
        for relative in try documentFiles() {
            let path = (root as NSString).appendingPathComponent("documents/" + relative)
            let file = "documents/" + relative
            var deliver: [(SourceDocument, Int?)] = []
            var issues: [CorpusIssue] = []
            if relative.hasSuffix(".txt") {
                switch readText(path: path, id: String(relative.dropLast(4))) {
                case .success(let document): deliver.append((document, nil))
                case .failure(let problem): issues.append(CorpusIssue(file: file, line: problem.line, reason: problem.reason))
                }
                try flush(&deliver, &issues, file: file, knownCities: knownCities, seen: &seen, issue: issue, body)
            } else {
                try forEachJSONLine(path: path, file: file, issue: { issues.append($0) }) { object, line in
                    switch DocumentRecord.parse(object) {
                    case .failure(let problem): issues.append(CorpusIssue(file: file, line: line, reason: problem.reason))
                    case .success(let document): deliver.append((document, line))
                    }
                    if deliver.count >= 256 || !issues.isEmpty {
                        try flush(&deliver, &issues, file: file, knownCities: knownCities, seen: &seen, issue: issue, body)
                    }
                }
                try flush(&deliver, &issues, file: file, knownCities: knownCities, seen: &seen, issue: issue, body)
            }
        }
    }

    /// Checks ids and city links, then hands documents on in order.
    private func flush(_ deliver: inout [(SourceDocument, Int?)], _ issues: inout [CorpusIssue], file: String,
                       knownCities: Set<String>, seen: inout [String: String], issue: (CorpusIssue) -> Void,
                       _ body: (SourceDocument) throws -> Void) throws {
        for found in issues { issue(found) }
        issues.removeAll()
        for (document, line) in deliver {
            let location = line.map { "\(file):\($0)" } ?? file
            if let first = seen[document.id] {
                issue(CorpusIssue(file: file, line: line, reason: "duplicate id '\(document.id)' (first at \(first))"))
                continue
            }
            if let unknown = document.cities?.first(where: { !knownCities.contains($0) }) {
                issue(CorpusIssue(file: file, line: line, reason: "unknown city id '\(unknown)' in 'cities'"))
                continue
            }
            seen[document.id] = location
            try body(document)
        }
        deliver.removeAll()
    }

    /// Calls `body` with each line's JSON object; malformed lines become issues.
    private func forEachJSONLine(path: String, file: String, issue: (CorpusIssue) -> Void,
                                 _ body: ([String: Any], Int) throws -> Void) throws {
        try Self.forEachJSONLine(path: path, file: file, issue: issue, body)
    }

    /// Calls `body` with each line's JSON object of the JSON Lines file at
    /// `path` (named `file` in issues); malformed lines become issues.
    static func forEachJSONLine(path: String, file: String, issue: (CorpusIssue) -> Void,
                                _ body: ([String: Any], Int) throws -> Void) throws {
        var reader = try LineReader(path: path)
        defer { reader.close() }
        var lineNumber = 0
        while var line = try reader.next() {
            lineNumber += 1
            if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard String(bytes: line, encoding: .utf8) != nil else {
                issue(CorpusIssue(file: file, line: lineNumber, reason: "invalid UTF-8"))
                continue
            }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
            } catch {
                issue(CorpusIssue(file: file, line: lineNumber, reason: "invalid JSON: \(Self.describe(error))"))
                continue
            }
            guard let dictionary = object as? [String: Any] else {
                issue(CorpusIssue(file: file, line: lineNumber, reason: "expected a JSON object"))
                continue
            }
            try body(dictionary, lineNumber)
        }
    }

    private struct TextProblem: Error {
        var line: Int?
        var reason: String
    }

    /// A scraped article: first non-empty line is the title, the rest the body.
    private func readText(path: String, id: String) -> Result<SourceDocument, TextProblem> {
        guard let data = FileContents.read(path) else {
            return .failure(TextProblem(line: nil, reason: "cannot read file"))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            var lineNumber = 1
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(bytes: line, encoding: .utf8) == nil { break }
                lineNumber += 1
            }
            return .failure(TextProblem(line: lineNumber, reason: "invalid UTF-8"))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        guard let title = lines.first else { return .failure(TextProblem(line: nil, reason: "empty file")) }
        let body = lines.dropFirst().joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return .failure(TextProblem(line: nil, reason: "no body after the title line")) }
        return .success(SourceDocument(id: id, type: .news, title: title, body: body))
    }

    static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}
