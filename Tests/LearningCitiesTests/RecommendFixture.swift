import Foundation
import LearningCities

/// The labelled recommendation corpus (`Fixtures/recommend`): 16 cities in
/// four programme groups, Vietnamese cities with Vietnamese-only documents,
/// templated profiles and news articles naming cities of different groups.
enum RecommendFixture {
    /// The fixture corpus folder.
    static let corpus: String = {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        return here.appendingPathComponent("Fixtures/recommend").path
    }()

    /// An index of the fixture corpus, built once for all tests.
    static let index: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("learncity-recommend-\(UUID().uuidString)").path
        do {
            _ = try CorpusIndexer(corpusPath: corpus, indexPath: path).run()
        } catch {
            fatalError("cannot index the recommend fixture: \(error)")
        }
        return path
    }()

    /// City id → programme group.
    static let groups: [String: String] = {
        struct File: Decodable { let groups: [String: [String]] }
        let data = FileManager.default.contents(atPath: corpus + "/groups.json") ?? Data()
        let file = (try? JSONDecoder().decode(File.self, from: data)) ?? File(groups: [:])
        var byCity: [String: String] = [:]
        for (group, cities) in file.groups { for city in cities { byCity[city] = group } }
        return byCity
    }()

    /// A recommender over a fresh reader of the fixture index.
    static func recommender() throws -> PartnerRecommender {
        PartnerRecommender(index: try IndexReader(path: index))
    }
}
