import Foundation
import LearningCities

/// A labelled recommendation corpus: cities in programme groups (a city's
/// right partners are the other cities of its group), Vietnamese cities
/// documented in Vietnamese only and the others in English only, templated
/// profiles, and news naming cities of different groups. No themes or
/// concepts file: the engine's own vocabulary does the bridging.
struct LabelledCorpus: Sendable {
    /// The corpus folder.
    let corpus: String
    /// An index of it, built on first use.
    let index: String
    /// City id → programme group.
    let groups: [String: String]

    init(folder: String) {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        corpus = here.appendingPathComponent("Fixtures/\(folder)").path
        index = FileManager.default.temporaryDirectory.appendingPathComponent("learncity-\(folder)-\(UUID().uuidString)").path
        struct File: Decodable { let groups: [String: [String]] }
        let data = FileManager.default.contents(atPath: corpus + "/groups.json") ?? Data()
        let file = (try? JSONDecoder().decode(File.self, from: data)) ?? File(groups: [:])
        var byCity: [String: String] = [:]
        for (group, cities) in file.groups { for city in cities { byCity[city] = group } }
        groups = byCity
    }

    /// Indexes the corpus (once per process and folder) and opens a recommender on it.
    func recommender() throws -> PartnerRecommender {
        LabelledCorpus.lock.lock()
        defer { LabelledCorpus.lock.unlock() }
        if !FileManager.default.fileExists(atPath: index) {
            _ = try CorpusIndexer(corpusPath: corpus, indexPath: index).run()
        }
        return PartnerRecommender(index: try IndexReader(path: index))
    }

    /// Precision@3, the same for Vietnamese cities, and the share of a
    /// Vietnamese city's top-3 slots taken by Vietnamese cities of other groups.
    func scores(_ configure: (PartnerRecommender) -> Void = { _ in }) throws
        -> (overall: Double, vietnamese: Double, vietnameseElsewhere: Double, perCity: [String: Int]) {
        let recommender = try recommender()
        configure(recommender)
        var perCity: [String: Int] = [:]
        var elsewhere = 0
        for (city, group) in groups {
            let partners = try recommender.recommend(RecommendRequest(city: city, limit: 3)).partners
            perCity[city] = partners.filter { groups[$0.id] == group }.count
            if city.hasPrefix("vn-") {
                elsewhere += partners.filter { $0.id.hasPrefix("vn-") && groups[$0.id] != group }.count
            }
        }
        let vietnamese = perCity.filter { $0.key.hasPrefix("vn-") }
        return (Double(perCity.values.reduce(0, +)) / Double(3 * max(perCity.count, 1)),
                Double(vietnamese.values.reduce(0, +)) / Double(3 * max(vietnamese.count, 1)),
                Double(elsewhere) / Double(3 * max(vietnamese.count, 1)), perCity)
    }

    private static let lock = NSLock()
}

/// The labelled corpus the recommender is developed on (`Fixtures/recommend`).
enum RecommendFixture {
    static let dev = LabelledCorpus(folder: "recommend")
    /// The held-out part (`Fixtures/recommend-heldout`): other cities and programme groups, scored only at the end.
    static let heldOut = LabelledCorpus(folder: "recommend-heldout")
    /// The second held-out part (`Fixtures/recommend-heldout2`): four more groups, written before the
    /// per-city evidence work and scored once at its end.
    static let heldOut2 = LabelledCorpus(folder: "recommend-heldout2")

    /// The development corpus folder.
    static var corpus: String { dev.corpus }
    /// An index of it.
    static var index: String {
        _ = try? dev.recommender()
        return dev.index
    }
    /// City id → programme group.
    static var groups: [String: String] { dev.groups }

    /// A recommender over a fresh reader of the development index.
    static func recommender() throws -> PartnerRecommender {
        try dev.recommender()
    }
}
