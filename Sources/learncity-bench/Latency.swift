/// Latency percentiles and throughput of a series of timed operations.
struct LatencySummary: Codable {
    var count: Int
    var p50Ms: Double
    var p95Ms: Double
    var p99Ms: Double
    var meanMs: Double
    var queriesPerSecond: Double

    init(seconds: [Double]) {
        let sorted = seconds.sorted()
        count = sorted.count
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((p * Double(sorted.count - 1)).rounded())
            return sorted[rank] * 1000
        }
        p50Ms = percentile(0.50)
        p95Ms = percentile(0.95)
        p99Ms = percentile(0.99)
        let total = sorted.reduce(0, +)
        meanMs = sorted.isEmpty ? 0 : total / Double(sorted.count) * 1000
        queriesPerSecond = total > 0 ? Double(sorted.count) / total : 0
    }
}
