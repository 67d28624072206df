import Foundation
import Testing
@testable import LearningCities

/// GNLC status in `cities.jsonl`: the loader's rules, `recommend` offering
/// members only unless asked, `stats` counting by status and year, and the
/// `status:` search filter.
@Suite struct MembershipStatusTests {
    static let source = #""status_source":"https://example.org/list""#

    @Test func theLoaderNamesEachBrokenStatusRule() throws {
        let corpus = try FixtureCorpus(cities: [
            #"{"id":"aa-ok","name":"Ok","country":"AA","status":"member","joined":2020,\#(Self.source)}"#,
            #"{"id":"aa-by","name":"By","country":"AA","status":"member","member_by":2017,\#(Self.source)}"#,
            #"{"id":"aa-no-year","name":"No year","country":"AA","status":"member",\#(Self.source)}"#,
            #"{"id":"aa-no-source","name":"No source","country":"AA","status":"applicant"}"#,
            #"{"id":"aa-bad","name":"Bad","country":"AA","status":"observer",\#(Self.source)}"#,
            #"{"id":"aa-orphan","name":"Orphan","country":"AA",\#(Self.source)}"#,
            #"{"id":"aa-old","name":"Old","country":"AA","joined":2016}"#,
        ], files: [:])
        let (cities, issues) = try CorpusReader(root: corpus.root).readCities()
        #expect(cities.map(\.id) == ["aa-ok", "aa-by", "aa-old"])
        #expect(issues.map(\.description) == [
            "cities.jsonl:3: a member needs 'joined' (or 'member_by' when no source gives the year)",
            "cities.jsonl:4: field 'status_source' (the URL that gives the status) is missing",
            "cities.jsonl:5: field 'status' must be one of member, applicant, former, unconfirmed, got 'observer'",
            "cities.jsonl:6: field 'status_source' without 'status'",
        ])
        #expect(cities.first { $0.id == "aa-old" }?.isMember == true, "a corpus without status counts its cities as members")
        #expect(cities.first { $0.id == "aa-by" }?.memberBy == 2017)
    }

    /// Two cities with the same festival programme; only one is a member.
    static func festivalCorpus() throws -> FixtureCorpus {
        let corpus = try FixtureCorpus(cities: [
            #"{"id":"aa-member","name":"Memberton","country":"AA","status":"member","joined":2022,\#(Self.source)}"#,
            #"{"id":"bb-applicant","name":"Applyville","country":"BB","status":"applicant",\#(Self.source)}"#,
            #"{"id":"cc-source","name":"Sourceburg","country":"CC","status":"member","joined":2016,\#(Self.source)}"#,
        ], files: [
            "initiatives.jsonl": [
                #"{"id":"i/a","type":"initiative","title":"Lantern festival of learning","body":"A lantern festival of learning with river workshops and storytelling boats.","cities":["aa-member"],"lang":"en"}"#,
                #"{"id":"i/b","type":"initiative","title":"Lantern festival of learning","body":"A lantern festival of learning with river workshops and storytelling boats.","cities":["bb-applicant"],"lang":"en"}"#,
                #"{"id":"i/c","type":"initiative","title":"Lantern festival","body":"Lantern festival river workshops and storytelling boats for all ages.","cities":["cc-source"],"lang":"en"}"#,
            ].joined(separator: "\n"),
        ])
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        return corpus
    }

    @Test func recommendOffersMembersUnlessAskedForTheRest() throws {
        let corpus = try Self.festivalCorpus()
        let recommender = PartnerRecommender(index: try IndexReader(path: corpus.index))
        let text = "A lantern festival of learning with river workshops and storytelling boats."
        let members = try recommender.recommend(RecommendRequest(text: text, limit: 5))
        #expect(Set(members.partners.map(\.id)) == ["aa-member", "cc-source"])
        let all = try recommender.recommend(RecommendRequest(text: text, limit: 5, includeNonMembers: true))
        #expect(Set(all.partners.map(\.id)) == ["aa-member", "bb-applicant", "cc-source"])
    }

    @Test func statsCountCitiesByStatusAndMembersByYear() throws {
        let corpus = try Self.festivalCorpus()
        let statistics = try IndexStatistics.read(from: try IndexReader(path: corpus.index))
        #expect(statistics.citiesByStatus == ["member": 2, "applicant": 1])
        #expect(statistics.membersByYear == ["2016": 1, "2022": 1])
    }

    @Test func searchFiltersOnStatus() throws {
        let corpus = try Self.festivalCorpus()
        let searcher = Searcher(index: try IndexReader(path: corpus.index))
        let applicants = try searcher.search(SearchRequest(query: "lantern status:applicant"))
        #expect(applicants.results.map(\.id) == ["i/b"])
        let members = try searcher.search(SearchRequest(query: "lantern status:member"))
        #expect(Set(members.results.map(\.id)) == ["i/a", "i/c"])
    }
}
