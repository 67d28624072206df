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

    /// Programmes for at least 200 cities, at least 60 of them with three or more, every one
    /// linked to its web source. A programme is counted once, whatever the number of languages
    /// it is written in (`…-en` and `…-vi` share an id stem).
    @Test func initiativesCoverTwoHundredCitiesFromWebSources() throws {
        let (cities, _) = try reader.readCities()
        var programmesPerCity: [String: Set<String>] = [:]
        var withoutWebSource: [String] = [], withoutCity: [String] = []
        var initiatives = 0
        try reader.readDocuments(knownCities: Set(cities.map(\.id)), issue: { _ in }) { source in
            guard source.type == .initiative else { return }
            initiatives += 1
            let url = source.source ?? ""
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) { withoutWebSource.append(source.id) }
            let linked = source.cities ?? []
            if linked.isEmpty { withoutCity.append(source.id) }
            let stem = source.id.hasSuffix("-en") || source.id.hasSuffix("-vi")
                ? String(source.id.dropLast(3)) : source.id
            for city in linked { programmesPerCity[city, default: []].insert(stem) }
        }
        #expect(initiatives > 400, "initiatives: \(initiatives)")
        #expect(withoutWebSource.isEmpty, "initiatives without a web source: \(withoutWebSource)")
        #expect(withoutCity.isEmpty, "initiatives naming no city: \(withoutCity)")
        let withOne = programmesPerCity.count
        let withThree = programmesPerCity.values.filter { $0.count >= 3 }.count
        #expect(withOne >= 200, "cities with one or more initiatives: \(withOne)")
        #expect(withThree >= 60, "cities with three or more initiatives: \(withThree)")
    }
}
