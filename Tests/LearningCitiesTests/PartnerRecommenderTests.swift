import Foundation
import Testing
import XapianKit
@testable import LearningCities

@Suite("PartnerRecommender")
struct PartnerRecommenderTests {
    @Test("precision@3 against the labelled programme groups, with the engine's vocabulary only")
    func precision() throws {
        let dev = try RecommendFixture.dev.scores()
        let wordsOnly = try RecommendFixture.dev.scores { $0.conceptWeight = 0; $0.themeWeight = 0 }
        print("recommend on the labelled corpus: precision@3 \(String(format: "%.3f", dev.overall)), Vietnamese "
              + "\(String(format: "%.3f", dev.vietnamese)), Vietnamese slots to Vietnamese cities of other groups "
              + "\(String(format: "%.3f", dev.vietnameseElsewhere)) (words only: \(String(format: "%.3f", wordsOnly.overall)) / "
              + "\(String(format: "%.3f", wordsOnly.vietnamese)) / \(String(format: "%.3f", wordsOnly.vietnameseElsewhere)); "
              + "per city: \(dev.perCity.sorted { $0.key < $1.key }))")
        // Each city has at least 3 right partners among 20, so picking at
        // random scores about 0.17 and 1.0 is reachable. The corpus has no
        // themes or concepts file: the engine's own vocabulary must bridge
        // Vietnamese-only and English-only cities, and the templated
        // Vietnamese profiles and multi-city news must not pull Vietnamese
        // cities together (issue 11's targets: 0.85, 0.80, 10 %).
        #expect(dev.overall >= 0.85)
        #expect(dev.vietnamese >= 0.80)
        #expect(dev.vietnameseElsewhere <= 0.10)
        // Words alone cannot cross the languages.
        #expect(dev.overall > wordsOnly.overall)
        #expect(dev.vietnameseElsewhere < wordsOnly.vietnameseElsewhere)
    }

    @Test("held-out corpus: other cities and programme groups, scored after tuning")
    func heldOut() throws {
        let scores = try RecommendFixture.heldOut.scores()
        print("recommend on the held-out corpus: precision@3 \(String(format: "%.3f", scores.overall)), Vietnamese "
              + "\(String(format: "%.3f", scores.vietnamese)), Vietnamese slots to Vietnamese cities of other groups "
              + "\(String(format: "%.3f", scores.vietnameseElsewhere)); per city: \(scores.perCity.sorted { $0.key < $1.key })")
        // Floors set from the one scoring run (see docs/recommend.md), with a little room.
        #expect(scores.overall >= HeldOutFloor.overall)
        #expect(scores.vietnamese >= HeldOutFloor.vietnamese)
        #expect(scores.vietnameseElsewhere <= HeldOutFloor.vietnameseElsewhere)
    }

    @Test("second held-out corpus: prison education, heritage, migrants, youth entrepreneurship; scored after tuning")
    func heldOut2() throws {
        let scores = try RecommendFixture.heldOut2.scores()
        print("recommend on the second held-out corpus: precision@3 \(String(format: "%.3f", scores.overall)), Vietnamese "
              + "\(String(format: "%.3f", scores.vietnamese)), Vietnamese slots to Vietnamese cities of other groups "
              + "\(String(format: "%.3f", scores.vietnameseElsewhere)); per city: \(scores.perCity.sorted { $0.key < $1.key })")
        // Floors set from its one scoring run (0.896, 1.000, 0 %; docs/recommend.md), with a little room.
        #expect(scores.overall >= 0.85)
        #expect(scores.vietnamese >= 0.90)
        #expect(scores.vietnameseElsewhere <= 0.05)
    }

    @Test("every listed concept, theme and word is in both the source's and the partner's documents")
    func explanationsAreHonest() throws {
        let recommender = try RecommendFixture.recommender()
        let database = recommender.index.database
        func docids(of city: String) throws -> [UInt32] { try database.documentIDs(for: TermSchema.city + city) }
        func terms(_ docids: [UInt32], _ prefix: String) throws -> Set<String> {
            var terms: Set<String> = []
            for docid in docids { for term in try database.terms(of: docid, prefix: prefix) { terms.insert(term.term) } }
            return terms
        }
        var checkedConcepts = 0, checkedThemes = 0, checkedPairs = 0
        for city in RecommendFixture.groups.keys.sorted() {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 5))
            let sourceDocs = try docids(of: city)
            let sourceWords = try terms(sourceDocs, TermSchema.folded)
            for partner in response.partners {
                #expect(!partner.evidence.isEmpty)
                let partnerDocs = try docids(of: partner.id)
                for concept in partner.concepts {
                    let term = TermSchema.programmeConcept + concept.id
                    #expect(try terms(sourceDocs, TermSchema.programmeConcept).contains(term), "\(city) → \(partner.id): \(concept.id)")
                    #expect(try terms(partnerDocs, TermSchema.programmeConcept).contains(term), "\(city) → \(partner.id): \(concept.id)")
                    checkedConcepts += 1
                }
                for theme in partner.themes {
                    #expect(try terms(sourceDocs, TermSchema.theme).contains(TermSchema.theme + theme))
                    #expect(try terms(partnerDocs, TermSchema.theme).contains(TermSchema.theme + theme))
                    checkedThemes += 1
                }
                let evidenceDocs = try partner.evidence.map { evidence -> UInt32 in
                    try #require(try database.documentID(for: TermSchema.id + evidence.id))
                }
                let evidenceWords = try terms(evidenceDocs, TermSchema.folded)
                for word in partner.terms {
                    for token in Tokenizer().tokens(of: word) {
                        #expect(sourceWords.contains(TermSchema.folded + token.key), "\(city) → \(partner.id): '\(word)'")
                        #expect(evidenceWords.contains(TermSchema.folded + token.key), "\(city) → \(partner.id): '\(word)'")
                    }
                }
                for pair in partner.pairs {
                    #expect(sourceDocs.contains(try #require(try database.documentID(for: TermSchema.id + pair.source.id))))
                    #expect(partnerDocs.contains(try #require(try database.documentID(for: TermSchema.id + pair.partner.id))))
                    #expect(!pair.concepts.isEmpty && !pair.source.title.isEmpty && !pair.partner.title.isEmpty)
                    checkedPairs += 1
                }
                // Evidence documents are the partner's.
                #expect(evidenceDocs.allSatisfy(partnerDocs.contains))
            }
        }
        #expect(checkedConcepts > 50)
        #expect(checkedThemes > 30)
        #expect(checkedPairs > 30)
    }

    @Test("reasons are readable: whole Vietnamese words, labels in the request's language, distinguishing themes")
    func readableReasons() throws {
        let recommender = try RecommendFixture.recommender()
        let tokenizer = Tokenizer()
        let cityWords = Set(recommender.index.cities.all.flatMap { city in
            (city.allNames + [city.id]).flatMap { tokenizer.tokens(of: $0).map(\.key) }
        })
        var vietnameseTerms = 0
        for city in RecommendFixture.groups.keys.sorted() {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 5))
            #expect(response.lang == (city.hasPrefix("vn-") ? "vi" : "en"), "\(city): default language is the city's")
            for partner in response.partners {
                #expect(partner.themes.count <= 3)
                for term in partner.terms {
                    let tokens = tokenizer.tokens(of: term)
                    #expect(!tokens.isEmpty && !tokens.allSatisfy { $0.key.allSatisfy(\.isNumber) }, "\(term)")
                    #expect(!tokens.contains { cityWords.contains($0.key) }, "\(city) → \(partner.id): '\(term)' is a city name")
                    if tokens.contains(where: { $0.exact != $0.folded }) {
                        vietnameseTerms += 1
                        #expect(tokens.count >= 2, "\(city) → \(partner.id): lone syllable '\(term)'")
                    }
                }
            }
        }
        #expect(vietnameseTerms > 0)
        // The same partners, labels in the asked language.
        let vietnamese = try recommender.recommend(RecommendRequest(city: "vn-son-la", limit: 3))
        let english = try recommender.recommend(RecommendRequest(city: "vn-son-la", limit: 3, lang: "en"))
        #expect(vietnamese.partners.map(\.id) == english.partners.map(\.id))
        #expect(vietnamese.partners.first?.concepts.contains { $0.label == "xóa mù chữ" } == true)
        #expect(english.partners.first?.concepts.contains { $0.label == "literacy" } == true)
        #expect(throws: RecommendError.self) { try recommender.recommend(RecommendRequest(city: "vn-son-la", lang: "fr")) }
    }

    @Test("evidence counts per city: a profile template and words most cities of a language use weigh next to nothing and are never shown")
    func templatesWeighNothing() throws {
        let recommender = try RecommendFixture.recommender()
        let index = recommender.index
        let statistics = try CityStatistics.of(index, builder: ProfileBuilder(index: index, maxDocuments: 30))
        let tokenizer = Tokenizer()
        // Every Vietnamese profile of the fixture is the same template; its
        // words are in every Vietnamese city, but in only a quarter of all cities.
        let template = ["ban chỉ đạo", "kế hoạch hành động", "bộ tiêu chí đánh giá", "triển khai"]
        let keys = template.flatMap { tokenizer.tokens(of: $0).map(\.key) }
        // (Some of its syllables are stopwords, never words; the others are in every Vietnamese city.)
        #expect(keys.filter { statistics.commonness($0, .word) == 1 }.count >= 4)
        // A concept of one group's initiatives, in both languages, stays telling.
        let literacy = statistics.rarity("literacy", .concept)
        #expect(literacy > 1)
        for key in keys { #expect(statistics.rarity(key, .word) < 0.15 * literacy, "\(key)") }
        for city in RecommendFixture.groups.keys.sorted() where city.hasPrefix("vn-") {
            for partner in try recommender.recommend(RecommendRequest(city: city, limit: 5)).partners {
                for term in partner.terms {
                    #expect(!tokenizer.tokens(of: term).contains { keys.contains($0.key) }, "\(city) → \(partner.id): template word '\(term)'")
                }
                // English words are never reasons in a Vietnamese answer, nor the reverse.
                let english = try recommender.recommend(RecommendRequest(city: city, limit: 5, lang: "en"))
                for term in english.partners.flatMap(\.terms) {
                    #expect(tokenizer.tokens(of: term).allSatisfy { $0.exact == $0.folded }, "\(city): '\(term)' in an English answer")
                }
            }
        }
        // The same pair gets the same score whichever city asks.
        let a = try recommender.compare(CompareRequest(a: "vn-son-la", b: "in-nilambur"))
        let b = try recommender.compare(CompareRequest(a: "in-nilambur", b: "vn-son-la"))
        #expect(abs(a.score - b.score) < 1e-6)
    }

    @Test("scores are absolute: on 0…1, not rescaled, and a text unlike any city is a weak match")
    func absoluteScores() throws {
        let recommender = try RecommendFixture.recommender()
        var bests: [Double] = []
        for city in RecommendFixture.groups.keys.sorted() {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 3))
            bests.append(try #require(response.partners.first?.score))
            #expect(!response.weak)
        }
        #expect(bests.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(bests.contains { $0 < 0.99 }, "the best partner is not rescaled to 1")
        let unrelated = try recommender.recommend(RecommendRequest(text: "The harbour authority repaired the container cranes and dredged the shipping channel.", limit: 3))
        #expect(unrelated.weak)
        #expect(unrelated.partners.allSatisfy { $0.score < recommender.weakScore })
    }

    @Test("compare names what two cities share, where they differ, and pairs their initiatives")
    func compare() throws {
        let recommender = try RecommendFixture.recommender()
        let comparison = try recommender.compare(CompareRequest(a: "Sơn La", b: "Nilambur"))
        #expect(comparison.a.id == "vn-son-la" && comparison.b.id == "in-nilambur")
        #expect(comparison.lang == "vi")
        #expect(comparison.sharedConcepts.contains { $0.id == "literacy" && $0.label == "xóa mù chữ" })
        #expect(!comparison.pairs.isEmpty)
        #expect(comparison.pairs.allSatisfy { $0.source.id.contains("vn-son-la") && $0.partner.id.contains("in-nilambur") })
        let recommended = try recommender.recommend(RecommendRequest(city: "vn-son-la", limit: 20))
        #expect(recommended.partners.first { $0.id == "in-nilambur" }?.score == comparison.score)
        let unrelated = try recommender.compare(CompareRequest(a: "vn-son-la", b: "vn-vinh", lang: "en"))
        #expect(unrelated.score < comparison.score)
        #expect(unrelated.onlyA.contains { $0.id == "literacy" })
        #expect(unrelated.sharedConcepts.allSatisfy { $0.id != "literacy" })
        #expect(throws: RecommendError.self) { try recommender.compare(CompareRequest(a: "vinh", b: "vn-vinh")) }
        #expect(throws: CityError.self) { try recommender.compare(CompareRequest(a: "vinh", b: "Atlantis")) }
    }

    @Test("the source city is never a partner, and no evidence document is about it")
    func sourceExcluded() throws {
        let recommender = try RecommendFixture.recommender()
        for city in RecommendFixture.groups.keys {
            let response = try recommender.recommend(RecommendRequest(city: city, limit: 15))
            #expect(response.city?.id == city)
            #expect(!response.partners.isEmpty)
            #expect(!response.partners.contains { $0.id == city })
            for evidence in response.partners.flatMap(\.evidence) {
                let docid = try #require(try recommender.index.database.documentID(for: TermSchema.id + evidence.id))
                let stored = try StoredDocument(stored: try recommender.index.database.data(of: docid))
                #expect(!stored.cities.contains(city), "\(evidence.id) is about \(city)")
            }
            // Ranks run 1…n, scores descend.
            #expect(response.partners.map(\.rank) == Array(1...response.partners.count))
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
        for name in ["literacy", "Literacy", "Xóa mù chữ", "xoa mu chu"] {
            let response = try recommender.recommend(RecommendRequest(city: "in-nilambur", limit: 3, theme: name))
            #expect(response.partners.allSatisfy { $0.themes == ["literacy"] })
            #expect(Set(response.partners.map(\.id)) == ["vn-son-la", "mx-queretaro", "eg-giza"])
            for evidence in response.partners.flatMap(\.evidence) {
                let docid = try #require(try database.documentID(for: TermSchema.id + evidence.id))
                #expect(try StoredDocument(stored: try database.data(of: docid)).themes.contains("literacy"))
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
        } catch let error as CityError {
            guard case .unknown(let name, let suggestions) = error else { Issue.record("wrong error \(error)"); return }
            #expect(name == "Hamburgg")
            #expect(suggestions.first?.id == "de-hamburg")
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
        #expect(vietnamese.partners.first?.concepts.contains { $0.id == "learning-festival" } == true)

        let english = try recommender.recommend(RecommendRequest(text: """
            We want to teach older people digital skills: smartphones, tablets and the internet, with \
            young volunteers as tutors for senior citizens.
            """, limit: 3))
        #expect(english.partners.filter { RecommendFixture.groups[$0.id] == "digital-older-people" }.count == 3,
                "\(english.partners.map(\.id))")
        #expect(english.partners.allSatisfy { $0.concepts.contains { $0.id == "older-people" } })
    }

    @Test("the JSON shape is exactly the documented one, city null in text mode")
    func jsonShape() throws {
        let recommender = try RecommendFixture.recommender()
        let data = try JSONEncoder().encode(try recommender.recommend(RecommendRequest(text: "literacy for women", limit: 2)))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["city", "lang", "weak", "partners"])
        #expect(object["city"] is NSNull)
        let partner = try #require((object["partners"] as? [[String: Any]])?.first)
        #expect(Set(partner.keys) == ["rank", "id", "name", "country", "score", "concepts", "themes", "terms", "pairs", "evidence"])
        let evidence = try #require((partner["evidence"] as? [[String: Any]])?.first)
        #expect(Set(evidence.keys) == ["id", "title", "score"])
    }
}

/// Floors for the held-out corpus, just under its numbers after the per-city
/// evidence work (0.854, 0.917, 0 %; first run 0.750, 0.583, 41.7 %; see
/// docs/recommend.md), so that a change that makes it worse fails.
enum HeldOutFloor {
    static let overall = 0.83
    static let vietnamese = 0.85
    static let vietnameseElsewhere = 0.05
}
