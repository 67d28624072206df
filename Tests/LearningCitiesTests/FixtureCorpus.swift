import Foundation

/// A corpus folder written to a temporary directory for one test.
struct FixtureCorpus {
    let root: String
    let index: String

    init(cities: [String], files: [String: String]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lc-\(UUID().uuidString)")
        root = base.appendingPathComponent("corpus").path
        index = base.appendingPathComponent("index").path
        try FileManager.default.createDirectory(atPath: root + "/documents", withIntermediateDirectories: true)
        if !cities.isEmpty {
            try (cities.joined(separator: "\n") + "\n").write(toFile: root + "/cities.jsonl", atomically: true, encoding: .utf8)
        }
        for (name, content) in files { try write(name, content) }
    }

    func write(_ name: String, _ content: String) throws {
        let path = root + "/documents/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try content.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/documents/" + name))
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: root + "/documents/" + name)
    }

    static let vietnameseCities = [
        #"{"id":"vn-son-la","name":"Sơn La","country":"VN","aliases":["Son La"],"region":"Asia and the Pacific"}"#,
        #"{"id":"vn-ho-chi-minh-city","name":"Hồ Chí Minh City","country":"VN","aliases":["Thành phố Hồ Chí Minh","TP.HCM","HCMC","Sài Gòn","Ho Chi Minh City"]}"#,
        #"{"id":"vn-vinh","name":"Vinh","country":"VN"}"#,
        #"{"id":"ie-cork","name":"Cork","country":"IE","region":"Europe and North America"}"#,
    ]

    /// The shipped corpus of the repository.
    static var shippedCorpus: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus").path
    }
}
