import Foundation

/// CPU time and peak resident memory of this process (getrusage).
struct ResourceUsage: Codable {
    /// User CPU seconds.
    var userSeconds: Double
    /// System CPU seconds.
    var systemSeconds: Double
    /// Peak resident set size in bytes.
    var peakRSSBytes: Int

    static func ofThisProcess() -> ResourceUsage {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return ResourceUsage(userSeconds: seconds(usage.ru_utime), systemSeconds: seconds(usage.ru_stime),
                             peakRSSBytes: Int(usage.ru_maxrss) * 1024)  // Linux: kilobytes
    }
}

/// Facts about the machine the numbers come from.
struct MachineInfo: Codable {
    var cpuModel: String
    var cores: Int
    var memoryGiB: Double
    var os: String

    static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
        return MachineInfo(cpuModel: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                           memoryGiB: Double(ProcessInfo.processInfo.physicalMemory) / Double(1 << 30),
                           os: ProcessInfo.processInfo.operatingSystemVersionString)
    }

    var summary: String {
        "\(cpuModel), \(cores) cores, \(String(format: "%.1f", memoryGiB)) GiB RAM, \(os)"
    }
}
