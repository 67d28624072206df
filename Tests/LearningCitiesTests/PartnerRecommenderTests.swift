import Foundation
import Testing
import XapianKit
@testable import LearningCities

@Suite("PartnerRecommender")
struct PartnerRecommenderTests {
    /// Precision@3 over every city of the labelled corpus.
    static func precisionAtThree(themeBlend: Double? = nil) throws -> (overall: Double, perCity: [String: Int]) {
        let recommender = try RecommendFixture.recommender()
        if let themeBlend { recommender.themeBlend = themeBlend }
        var perCity: [String: Int] = [:]
        for (city, group) in RecommendFixture.groups {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 3))
            perCity[city] = response.partners.filter { RecommendFixture.groups[$0.id] == group }.count
        }
        let overall = Double(perCity.values.reduce(0, +)) / Double(3 * perCity.count)
        return (overall, perCity)
    }

    @Test("precision@3 against the labelled programme groups")
    func precision() throws {
        let (blended, perCity) = try Self.precisionAtThree()
        let lexicalOnly = try Self.precisionAtThree(themeBlend: 0).overall
        print("recommend precision@3 on the labelled corpus: \(String(format: "%.3f", blended)) "
              + "(words only: \(String(format: "%.3f", lexicalOnly)); per city: \(perCity.sorted { $0.key < $1.key }))")
        // Each city has exactly 3 right partners among 15, so picking at
        // random scores 0.20 and 1.0 is reachable. Word overlap alone cannot
        // connect the four Vietnamese-only cities to their English-only
        // partners (at most 1/3 of their slots can be right through
        // Vietnamese words, and templated Vietnamese profiles pull them
        // together), so a blend that works must clearly beat words alone,
        // and 0.75 leaves room for one or two misses per group on top of
        // the measured 0.92.
        #expect(blended >= 0.75)
        #expect(blended > lexicalOnly)
        // Themes bridge the languages: every Vietnamese-only city finds at
        // least two of its three English-only partners.
        // Known to fail on the extended corpus (issue 11): templated
        // Vietnamese profiles and Vietnamese multi-city news pull the
        // Vietnamese cities together.
        withKnownIssue("issue 11: Vietnamese-documented cities are matched by language", isIntermittent: true) {
            for city in RecommendFixture.groups.keys where city.hasPrefix("vn-") {
                #expect(perCity[city, default: 0] >= 2, "\(city) found \(perCity[city, default: 0]) of 3")
            }
        }
    }

    @Test("every listed term and theme is present in both the source's and the partner's documents")
    func explanationsAreHonest() throws {
        let recommender = try RecommendFixture.recommender()
        let database = recommender.index.database
        let decoder = JSONDecoder()
        func docids(of city: String) throws -> [UInt32] { try database.documentIDs(for: TermSchema.city + city) }
        func foldedTerms(_ docids: [UInt32]) throws -> Set<String> {
            var terms: Set<String> = []
            for docid in docids { for term in try database.terms(of: docid, prefix: TermSchema.folded) { terms.insert(term.term) } }
            return terms
        }
        func themes(_ docids: [UInt32]) throws -> Set<String> {
            var themes: Set<String> = []
            for docid in docids { themes.formUnion(try decoder.decode(StoredDocument.self, from: Data(try database.data(of: docid))).themes) }
            return themes
        }
        var checkedTerms = 0, checkedThemes = 0
        for city in RecommendFixture.groups.keys.sorted() {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 5))
            let sourceDocs = try docids(of: city)
            let sourceTerms = try foldedTerms(sourceDocs)
            let sourceThemes = try themes(sourceDocs)
            for partner in response.partners {
                #expect(!partner.evidence.isEmpty)
                let evidenceDocs = try partner.evidence.map { evidence -> UInt32 in
                    try #require(try database.documentID(for: TermSchema.id + evidence.id))
                }
                let evidenceTerms = try foldedTerms(evidenceDocs)
                let evidenceThemes = try themes(evidenceDocs)
                for word in partner.terms {
                    let key = TermSchema.folded + (Tokenizer().tokens(of: word).first?.key ?? word)
                    #expect(sourceTerms.contains(key), "\(city) → \(partner.id): '\(word)' not in the source documents")
                    #expect(evidenceTerms.contains(key), "\(city) → \(partner.id): '\(word)' not in the evidence")
                    checkedTerms += 1
                }
                for theme in partner.themes {
                    #expect(sourceThemes.contains(theme), "\(city) → \(partner.id): theme \(theme) not in the source")
                    #expect(evidenceThemes.contains(theme), "\(city) → \(partner.id): theme \(theme) not in the evidence")
                    checkedThemes += 1
                }
                // Evidence documents are the partner's.
                for docid in evidenceDocs {
                    let stored = try decoder.decode(StoredDocument.self, from: Data(try database.data(of: docid)))
                    #expect(stored.cities.contains(partner.id))
                }
            }
        }
        #expect(checkedTerms > 50)
        #expect(checkedThemes > 50)
    }

    @Test("the source city is never a partner, and no evidence document is about it")
    func sourceExcluded() throws {
        let recommender = try RecommendFixture.recommender()
        let decoder = JSONDecoder()
        for city in RecommendFixture.groups.keys {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 15))
            #expect(response.city?.id == city)
            #expect(!response.partners.isEmpty)
            #expect(!response.partners.contains { $0.id == city })
            for evidence in response.partners.flatMap(\.evidence) {
                let docid = try #require(try recommender.index.database.documentID(for: TermSchema.id + evidence.id))
                let stored = try decoder.decode(StoredDocument.self, from: Data(try recommender.index.database.data(of: docid)))
                #expect(!stored.cities.contains(city), "\(evidence.id) is about \(city)")
            }
            // Ranks run 1…n, scores descend from 1.0.
            #expect(response.partners.map(\.rank) == Array(1...response.partners.count))
            #expect(response.partners.first?.score == 1.0)
            #expect(zip(response.partners, response.partners.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
    }

    @Test("--other-countries, --country and --region keep only matching partners")
    func geographicFilters() throws {
        let recommender = try RecommendFixture.recommender()
        let all = try recommender.recommend(RecommendRequest(city: "vn-sa-dec", limit: 15))
        #expect(all.partners.contains { $0.country == "VN" })
        let abroad = try recommender.recommend(RecommendRequest(city: "vn-sa-dec", limit: 15, otherCountries: true))
        #expect(!abroad.partners.isEmpty)
        #expect(abroad.partners.allSatisfy { $0.country != "VN" })
        let german = try recommender.recommend(RecommendRequest(city: "ca-montreal", limit: 15, country: "de"))
        #expect(german.partners.map(\.id) == ["de-hamburg"])
        let europe = try recommender.recommend(RecommendRequest(city: "Sơn La", limit: 15, region: "Europe and North America"))
        #expect(!europe.partners.isEmpty)
        let cities = recommender.index.cities
        #expect(europe.partners.allSatisfy { cities[$0.id]?.region == "Europe and North America" })
        #expect(throws: RecommendError.self) { try recommender.recommend(RecommendRequest(city: "vn-son-la", region: "Atlantis")) }
        #expect(throws: RecommendError.self) { try recommender.recommend(RecommendRequest(city: "vn-son-la", country: "Viet Nam")) }
    }

    @Test("--theme focuses the match on one theme, named by id or in either language")
    func themeFocus() throws {
        let recommender = try RecommendFixture.recommender()
        let database = recommender.index.database
        let decoder = JSONDecoder()
        for name in ["literacy", "Literacy", "Xóa mù chữ", "xoa mu chu"] {
            let response = try recommender.recommend(RecommendRequest(city: "in-nilambur", limit: 3, theme: name))
            #expect(response.partners.allSatisfy { $0.themes == ["literacy"] })
            #expect(Set(response.partners.map(\.id)) == ["vn-son-la", "mx-queretaro", "eg-giza"])
            for evidence in response.partners.flatMap(\.evidence) {
                let docid = try #require(try database.documentID(for: TermSchema.id + evidence.id))
                #expect(try decoder.decode(StoredDocument.self, from: Data(try database.data(of: docid))).themes.contains("literacy"))
            }
        }
        #expect(throws: RecommendError.unknownTheme("literacyy", suggestions: ["literacy"])) {
            try recommender.recommend(RecommendRequest(city: "in-nilambur", theme: "literacyy"))
        }
        // No document about Sa Đéc is about learning technologies: nothing to compare.
        #expect(throws: RecommendError.self) {
            try recommender.recommend(RecommendRequest(city: "vn-sa-dec", theme: "learning-technologies"))
        }
    }

    @Test("cities are found by id, name or alias, accents and case optional; unknown ones get suggestions")
    func cityResolution() throws {
        let recommender = try RecommendFixture.recommender()
        for name in ["son la", "Sơn La", "SƠN LA", "vn-son-la", "TP. Sơn La", "Son La"] {
            #expect(try recommender.recommend(RecommendRequest(city: name, limit: 1)).city?.id == "vn-son-la")
        }
        do {
            _ = try recommender.recommend(RecommendRequest(city: "Hamburgg"))
            Issue.record("an unknown city must fail")
        } catch let error as RecommendError {
            guard case .unknownCity(let name, let suggestions) = error else { Issue.record("wrong error \(error)"); return }
            #expect(name == "Hamburgg")
            #expect(suggestions.first == "Hamburg (de-hamburg)")
            #expect(error.description.contains("did you mean Hamburg (de-hamburg)"))
        }
        #expect(throws: RecommendError.missingSource) { try recommender.recommend(RecommendRequest()) }
        #expect(throws: RecommendError.cityAndText) { try recommender.recommend(RecommendRequest(city: "vinh", text: "x")) }
        #expect(throws: RecommendError.emptyText) { try recommender.recommend(RecommendRequest(text: "  ")) }
        #expect(throws: RecommendError.self) { try recommender.recommend(RecommendRequest(city: "vinh", limit: -1)) }
    }

    @Test("--text recommends for a city described in free text, in either language")
    func textMode() throws {
        let recommender = try RecommendFixture.recommender()
        let vietnamese = try recommender.recommend(RecommendRequest(text: """
            Thành phố chúng tôi tổ chức ngày hội học tập hằng năm và tuần lễ học tập suốt đời, với lễ hội, \
            hội thi và liên hoan cho người dân ở mọi lứa tuổi.
            """, limit: 3))
        #expect(vietnamese.city == nil)
        let festivalHits = vietnamese.partners.filter { RecommendFixture.groups[$0.id] == "festivals" }
        #expect(festivalHits.count >= 2, "\(vietnamese.partners.map(\.id))")
        #expect(vietnamese.partners.first?.themes.contains("festivals") == true)

        let english = try recommender.recommend(RecommendRequest(text: """
            We want to teach older people digital skills: smartphones, tablets and the internet, with \
            young volunteers as tutors for senior citizens.
            """, limit: 3))
        #expect(english.partners.filter { RecommendFixture.groups[$0.id] == "digital-older-people" }.count == 3,
                "\(english.partners.map(\.id))")
        #expect(english.partners.allSatisfy { !$0.terms.isEmpty })
    }

    @Test("the JSON shape is exactly the documented one, city null in text mode")
    func jsonShape() throws {
        let recommender = try RecommendFixture.recommender()
        let data = Data(try JSONOutput.string(try recommender.recommend(RecommendRequest(text: "literacy for women", limit: 2))).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["city", "partners"])
        #expect(object["city"] is NSNull)
        let partner = try #require((object["partners"] as? [[String: Any]])?.first)
        #expect(Set(partner.keys) == ["rank", "id", "name", "country", "score", "themes", "terms", "evidence"])
        let evidence = try #require((partner["evidence"] as? [[String: Any]])?.first)
        #expect(Set(evidence.keys) == ["id", "title", "score"])
    }
}
