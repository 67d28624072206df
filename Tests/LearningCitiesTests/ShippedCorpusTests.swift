import Foundation
import Testing
@testable import LearningCities

/// The shipped corpus is complete and consistent: it loads strictly, every
/// document is sourced and linked to a known city, both languages are there,
/// and every city has a profile.
@Suite struct ShippedCorpusTests {
    let reader = CorpusReader(root: FixtureCorpus.shippedCorpus)

    @Test func loadsWithoutAnyProblem() throws {
        let (cities, cityIssues) = try reader.readCities()
        #expect(cityIssues.isEmpty, "\(cityIssues)")
        #expect(cities.count >= 150)
        var issues: [CorpusIssue] = []
        try reader.readDocuments(knownCities: Set(cities.map(\.id)), issue: { issues.append($0) }) { _ in }
        #expect(issues.isEmpty, "\(issues)")
        #expect(try ThemeVocabulary.read(corpus: FixtureCorpus.shippedCorpus).issues.isEmpty)
        #expect(try AbbreviationList.read(corpus: FixtureCorpus.shippedCorpus).issues.isEmpty)
    }

    @Test func everyDocumentIsSourcedLinkedAndInALanguage() throws {
        let (cities, _) = try reader.readCities()
        let analyzer = DocumentAnalyzer(cities: cities)
        var languages: [LanguageDetector.Language: Int] = [:]
        var profiles: Set<String> = []
        var initiativesPerCity: [String: Int] = [:]
        var unsourced: [String] = [], unlinked: [String] = []
        try reader.readDocuments(knownCities: Set(cities.map(\.id)), issue: { _ in }) { source in
            let analyzed = analyzer.analyze(source)
            // The scraped seed article has no source field: it is the one .txt document.
            if (source.source ?? "").isEmpty, !source.id.hasPrefix("news/seed-") { unsourced.append(source.id) }
            if analyzed.stored.cities.isEmpty { unlinked.append(source.id) }
            languages[analyzed.stored.lang, default: 0] += 1
            if source.type == .profile { profiles.formUnion(analyzed.stored.cities) }
            if source.type == .initiative {
                for city in analyzed.stored.cities { initiativesPerCity[city, default: 0] += 1 }
            }
        }
        #expect(unsourced.isEmpty, "documents without a source: \(unsourced)")
        #expect(unlinked.isEmpty, "documents linked to no city: \(unlinked)")
        #expect((languages[.vi] ?? 0) > 50 && (languages[.en] ?? 0) > 50, "\(languages)")
        #expect(Set(cities.map(\.id)).isSubset(of: profiles), "every city has a profile")
        #expect(initiativesPerCity.count >= 100)
        #expect(initiativesPerCity.values.filter { $0 >= 3 }.count >= 20)
        let vietnamese = cities.filter { $0.country == "VN" }.map(\.name)
        #expect(Set(vietnamese).isSuperset(of: ["Sa Đéc", "Vinh", "Cao Lãnh", "Hồ Chí Minh City", "Sơn La", "Hà Nội"]))
    }
}
