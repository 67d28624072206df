import Foundation

/// Read-only throughput of `learncity serve` with 1 and with 2 worker
/// threads, measured in the same run on the same requests, alternating
/// (1, 2, 1, 2, …) so that a change in the machine's load hits both alike.
/// The load average is read before and after: these machines are shared.
struct ServeThroughput: Codable {
    /// Requests per timed pass.
    var requests: Int
    /// Passes per worker count.
    var rounds: Int
    /// Requests per second of each pass, by worker count ("1", "2").
    var perSecond: [String: [Double]]
    /// The median of each worker count's passes.
    var medianPerSecond: [String: Double]
    /// Median with 2 workers ÷ median with 1 (target ≥ 1.7 on two cores).
    var ratio: Double?
    /// /proc/loadavg before and after.
    var loadBefore: String
    var loadAfter: String
    /// Cores the machine reports.
    var cores: Int
    var note: String?

    /// Sends every request to `learncity serve --workers W` at once (a writer
    /// thread feeds the pipe while this thread reads the answers), after one
    /// untimed warm-up pass in the same process; the time is from the first
    /// byte written to the last answer read.
    static func measure(tools: BenchTools, index: String, queries: [BenchQuery], rounds: Int) -> ServeThroughput {
        let load = Self.loadAverage()
        var result = ServeThroughput(requests: queries.count, rounds: rounds, perSecond: [:], medianPerSecond: [:],
                                     ratio: nil, loadBefore: load, loadAfter: load,
                                     cores: ProcessInfo.processInfo.activeProcessorCount, note: nil)
        guard let learncity = tools.learncity, tools.learncityHas(subcommand: "serve") else {
            result.note = "skipped: this build has no `learncity serve`"
            return result
        }
        var payload = Data()
        for (number, query) in queries.enumerated() {
            var params: [String: Any] = ["query": query.text, "limit": 10]
            if let lang = query.langFilter { params["lang"] = lang }
            if let type = query.typeFilter { params["type"] = type }
            let message: [String: Any] = ["jsonrpc": "2.0", "id": number + 1, "method": "search", "params": params]
            guard let line = try? JSONSerialization.data(withJSONObject: message) else { continue }
            payload.append(line)
            payload.append(0x0A)
        }
        let count = payload.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        for _ in 0..<rounds {
            for workers in [1, 2] {
                do {
                    let rate = try pass(learncity: learncity, index: index, workers: workers, payload: payload, count: count)
                    result.perSecond[String(workers), default: []].append(rate)
                } catch {
                    result.note = "\(error)"
                }
            }
        }
        for (workers, rates) in result.perSecond {
            result.medianPerSecond[workers] = rates.sorted()[rates.count / 2]
        }
        if let one = result.medianPerSecond["1"], let two = result.medianPerSecond["2"], one > 0 { result.ratio = two / one }
        result.loadAfter = Self.loadAverage()
        return result
    }

    /// One serve process: a warm-up pass, then a timed pass; requests per second.
    /// One timed run of `serve --workers N` answering every line of `payload`.
    /// The requests are read from a file and the answers written to one, so
    /// that no client shares the cores with the workers (a client process
    /// reading a pipe took about half a core and hid the second worker); the
    /// time runs from start to exit, start-up included, for both settings.
    private static func pass(learncity: String, index: String, workers: Int, payload: Data, count: Int) throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("learncity-throughput-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let requests = folder.appendingPathComponent("requests.jsonl")
        let answers = folder.appendingPathComponent("answers.jsonl")
        try payload.write(to: requests)
        FileManager.default.createFile(atPath: answers.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: learncity)
        process.arguments = ["serve", "--index", index, "--workers", String(workers)]
        process.standardInput = try FileHandle(forReadingFrom: requests)
        process.standardOutput = try FileHandle(forWritingTo: answers)
        process.standardError = FileHandle.nullDevice
        let started = Clock.now()
        try process.run()
        process.waitUntilExit()
        let seconds = Clock.now() - started
        let output = try Data(contentsOf: answers)
        let lines = output.split(separator: 0x0A)
        guard lines.count == count else {
            throw BenchFailure(description: "serve --workers \(workers) answered \(lines.count) of \(count) lines (exit \(process.terminationStatus))")
        }
        if let failed = lines.first(where: { $0.range(of: Data("\"error\"".utf8)) != nil }) {
            throw BenchFailure(description: "serve --workers \(workers) answered an error: \(String(decoding: failed.prefix(300), as: UTF8.self))")
        }
        return Double(count) / max(seconds, 1e-9)
    }

    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// The report's lines.
    func lines() -> [String] {
        func f(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
        var lines = ["SERVE ON EVERY CORE (read-only, \(requests) searches read from a file, answers to a file, \(rounds) alternating passes each, \(cores) cores)"]
        for workers in ["1", "2"] {
            let passes = (perSecond[workers] ?? []).map { String(format: "%.0f", $0) }.joined(separator: ", ")
            lines.append("  --workers \(workers): median \(f(medianPerSecond[workers])) requests/s (passes: \(passes))")
        }
        lines.append("  2 workers / 1 worker: ×\(ratio.map { String(format: "%.2f", $0) } ?? "–") (target ≥ 1.70); "
                     + "load average before \(loadBefore), after \(loadAfter)" + (note.map { "; \($0)" } ?? ""))
        return lines
    }
}
