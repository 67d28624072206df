import Foundation
import LearningCities

/// Latency through `learncity serve` (JSON-RPC over a pipe), or why it was skipped.
struct PipeMeasurement: Codable {
    var latency: LatencySummary?
    var note: String?
}

/// Measures `learncity serve` and `recommend` when the build has them;
/// otherwise says so and skips, so the same code starts measuring once
/// those commands exist.
enum ServeBench {
    /// Default searches (10 hits, snippets, facets, the query's filter), or `bare`: the text alone
    /// with `"snippets": false, "facets": false`.
    static func search(tools: BenchTools, index: String, queries: [BenchQuery], bare: Bool = false) -> PipeMeasurement {
        guard let learncity = tools.learncity, tools.learncityHas(subcommand: "serve") else {
            return PipeMeasurement(latency: nil, note: "skipped: this build has no `learncity serve`")
        }
        let requests = queries.map { query -> [String: Any] in
            var params: [String: Any] = ["query": query.text, "limit": 10]
            if bare {
                params["snippets"] = false
                params["facets"] = false
            } else {
                if let lang = query.langFilter { params["lang"] = lang }
                if let type = query.typeFilter { params["type"] = type }
            }
            return ["method": "search", "params": params]
        }
        return measure(learncity: learncity, index: index, requests: requests)
    }

    static func recommend(tools: BenchTools, index: String) -> PipeMeasurement {
        guard let learncity = tools.learncity, tools.learncityHas(subcommand: "recommend") else {
            return PipeMeasurement(latency: nil, note: "skipped: this build has no `learncity recommend`")
        }
        guard let cities = try? IndexReader(path: index).cities.all, !cities.isEmpty else {
            return PipeMeasurement(latency: nil, note: "skipped: the index has no cities")
        }
        let sample = Array(cities.prefix(200))
        if tools.learncityHas(subcommand: "serve") {
            let requests = sample.map { ["method": "recommend", "params": ["city": $0.id, "limit": 10] as [String: Any]] as [String: Any] }
            var result = measure(learncity: learncity, index: index, requests: requests)
            result.note = (result.note ?? "") + " (warm, through serve, \(sample.count) cities)"
            return result
        }
        var seconds: [Double] = []
        for city in sample.prefix(50) {
            guard let run = try? ProcessRunner.run(learncity, ["recommend", "--index", index, city.id], captureOutput: false),
                  run.status == 0 else { continue }
            seconds.append(run.seconds)
        }
        return PipeMeasurement(latency: LatencySummary(seconds: seconds),
                               note: "one-shot `learncity recommend` processes (no serve in this build)")
    }

    /// Sends each request as one JSON-RPC line and times until its answer line; two passes, the second timed.
    static func measure(learncity: String, index: String, requests: [[String: Any]]) -> PipeMeasurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: learncity)
        process.arguments = ["serve", "--index", index]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            return PipeMeasurement(latency: nil, note: "skipped: cannot start serve: \(error)")
        }
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        var lines = ChunkedLines(handle: output.fileHandleForReading)
        var seconds: [Double] = []
        var errors = 0
        for pass in 0..<2 {
            for (number, request) in requests.enumerated() {
                var message = request
                message["jsonrpc"] = "2.0"
                message["id"] = number + 1
                guard var line = try? JSONSerialization.data(withJSONObject: message) else { continue }
                line.append(0x0A)
                let started = Clock.now()
                input.fileHandleForWriting.write(line)
                guard let answer = lines.next() else {
                    return PipeMeasurement(latency: nil, note: "serve closed its output after \(number) requests")
                }
                let elapsed = Clock.now() - started
                if answer.range(of: Data("\"error\"".utf8)) != nil { errors += 1 }
                if pass == 1 { seconds.append(elapsed) }
            }
        }
        return PipeMeasurement(latency: LatencySummary(seconds: seconds),
                               note: errors > 0 ? "\(errors) error answers" : nil)
    }
}
