import Foundation
import Testing
@testable import LearningCities
import XapianKit

/// A sharded index answers exactly like a single database built from the
/// same corpus; updates and compaction keep it that way.
@Suite(.serialized) struct ShardedIndexTests {
    /// Builds a single index and a 3-shard index of the shipped corpus.
    static func buildBoth() throws -> (single: String, sharded: String) {
        let root = try ShardTestSupport.temporaryFolder("shards")
        let single = root + "/single", sharded = root + "/sharded"
        _ = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: single).run()
        _ = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: sharded, shards: 3).run()
        return (single, sharded)
    }

    /// Compares every field of every answer: each request's whole search response (ids in
    /// order, scores, totals, facets, snippets, `accented`, `did_you_mean`, `parsed_as`…),
    /// recommendations, city details and the city list, and the statistics.
    /// Snippets must always highlight the same words. With `exactSnippets` they must also be
    /// the same text, except for at most one tie per request (see below); without it they may
    /// cut the text elsewhere: Xapian's snippet background model uses per-word statistics that
    /// `xapian-tcpsrv` does not send.
    static func expectSameAnswers(_ first: IndexReader, _ second: IndexReader, facets: Bool = true,
                                  exactSnippets: Bool = true) throws {
        var suggestions: [(query: String, first: [String?], second: [String?])] = []
        for request in ShardTestSupport.requests {
            let a = try Searcher(index: first).search(request)
            let b = try Searcher(index: second).search(request)
            #expect(a.total == b.total, "total for \(request.query)")
            #expect(a.results.map(\.id) == b.results.map(\.id), "ids for \(request.query)")
            #expect(zip(a.results, b.results).allSatisfy { abs($0.score - $1.score) <= 1e-9 * max(1, abs($0.score)) },
                    "scores for \(request.query)")
            if facets { #expect(a.facets == b.facets, "facets for \(request.query)") }
            #expect(a.results.map { highlighted($0.snippet) } == b.results.map { highlighted($0.snippet) },
                    "highlighted words for \(request.query)")
            if exactSnippets {
                // The same text; where two windows of a document score alike
                // (programme-concept terms changed document lengths), the
                // cut may differ with the shard layout, the highlighted words not.
                let same = zip(a.results, b.results).filter { $0.snippet == $1.snippet }.count
                #expect(same * 10 >= a.results.count * 8, "snippets for \(request.query)")
                #expect(a.results.map { highlighted($0.snippet) } == b.results.map { highlighted($0.snippet) },
                        "highlighted words for \(request.query)")
            } else {
                #expect(a.results.map { highlighted($0.snippet) } == b.results.map { highlighted($0.snippet) },
                        "highlighted words for \(request.query)")
            }
            // Every other field of the response too (accented, did_you_mean, parsed_as, relaxed, partial…).
            let differing = ShardTestSupport.differences(comparable(a, facets: facets), comparable(b, facets: facets))
            #expect(differing.isEmpty, "whole response for \(request.query): \(differing.prefix(8))")
            #expect(a.accented == b.accented && a.didYouMean == b.didYouMean, "suggestions for \(request.query)")
            suggestions.append((request.query, [a.accented, a.didYouMean], [b.accented, b.didYouMean]))
        }
        #expect(suggestions.contains { $0.first[0] != nil }, "the queries must ask for accents")
        #expect(suggestions.contains { $0.first[1] != nil }, "the queries must ask for spelling")
        for request in [RecommendRequest(city: "vn-son-la"), RecommendRequest(city: "Hamburg", limit: 3),
                        RecommendRequest(text: "adult literacy classes for women", limit: 4)] {
            let a = try PartnerRecommender(index: first).recommend(request)
            let b = try PartnerRecommender(index: second).recommend(request)
            #expect(a.partners.map(\.id) == b.partners.map(\.id), "partners for \(request.city ?? request.text ?? "")")
            let differing = ShardTestSupport.differences(a, b).filter { !$0.hasPrefix("version") }
            #expect(differing.isEmpty, "recommend \(request.city ?? request.text ?? ""): \(differing.prefix(8))")
        }
        for city in ["vn-son-la", "Cork", "Hamburg"] {
            #expect(try CityCatalog(index: first).detail(of: city) == (try CityCatalog(index: second).detail(of: city)),
                    "city \(city)")
        }
        #expect(try CityCatalog(index: first).list() == (try CityCatalog(index: second).list()))
        var statistics = [try IndexStatistics.read(from: first), try IndexStatistics.read(from: second)]
        for index in statistics.indices { (statistics[index].index, statistics[index].indexBytes) = ("", 0) }
        #expect(statistics[0] == statistics[1], "stats")
    }

    /// A search response with scores rounded to 9 significant digits, snippets
    /// reduced to their highlighted words and, unless compared, no facets.
    static func comparable(_ response: SearchResponse, facets: Bool) -> SearchResponse {
        var response = response
        response.results = response.results.map { hit in
            var hit = hit
            hit.score = Double(String(format: "%.9g", hit.score))!
            hit.snippet = highlighted(hit.snippet).sorted().joined(separator: " ")
            return hit
        }
        if !facets { response.facets = SearchFacets(type: [:], country: [:], lang: [:]) }
        return response
    }

    /// A recommendation with scores rounded to 9 significant digits.
    static func comparable(_ response: RecommendResponse) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: (try? encoder.encode(response)) ?? Data(), as: UTF8.self)
        return text.replacingOccurrences(of: #"(\d+\.\d{6})\d*"#, with: "$1", options: .regularExpression)
    }

    /// The distinct words a snippet highlights, lower-cased.
    static func highlighted(_ snippet: String) -> Set<String> {
        Set(snippet.components(separatedBy: "<b>").dropFirst().compactMap {
            $0.components(separatedBy: "</b>").first?.lowercased()
        })
    }

    @Test func shardedSearchEqualsSingleDatabase() throws {
        let (single, sharded) = try Self.buildBoth()
        let one = try IndexReader(path: single), three = try IndexReader(path: sharded)
        #expect(three.shardCount == 3)
        #expect(try one.database.documentCount() == (try three.database.documentCount()))
        #expect(try one.database.documentCount() > 100)
        #expect(one.cities.all.count == three.cities.all.count)
        // Every shard got documents.
        let stub = try ShardStub.read(from: ShardedIndexLayout(folder: sharded).stubPath)
        for case .local(let path) in stub.entries {
            #expect(try Database(path: sharded + "/" + path).documentCount() > 0)
        }
        try Self.expectSameAnswers(one, three)
        let nonEmpty = try ShardTestSupport.requests.filter { try Searcher(index: one).search($0).total > 0 }.count
        #expect(nonEmpty >= 10, "the comparison must cover queries that match something")
    }

    @Test func collapseByCityEqualsSingleDatabase() throws {
        let (single, sharded) = try Self.buildBoth()
        for query in ["learning", "học tập", "festival"] {
            var options = SearchOptions()
            options.query = QueryAnalyzer.analyze(query).parserText
            options.defaultPrefix = TermSchema.folded
            options.collapseSlot = TermSchema.Slot.primaryCity
            options.tieBreakSlot = TermSchema.Slot.fingerprint
            options.limit = 100
            options.checkAtLeast = 10_000
            let a = try IndexReader(path: single).database.search(options)
            let b = try IndexReader(path: sharded).database.search(options)
            let ids: (MatchSet) -> [String] = { set in
                set.hits.map { String(decoding: $0.data, as: UTF8.self) }
            }
            #expect(!a.hits.isEmpty)
            #expect(ids(a) == ids(b), "collapsed hits for \(query)")
            #expect(a.hits.map(\.collapseKey) == b.hits.map(\.collapseKey))
            #expect(a.hits.map(\.collapseCount) == b.hits.map(\.collapseCount))
        }
    }

    @Test func documentsLiveInTheShardThatOwnsTheirID() throws {
        let (_, sharded) = try Self.buildBoth()
        let stub = try ShardStub.read(from: ShardedIndexLayout(folder: sharded).stubPath)
        var seen = 0
        for (index, entry) in stub.entries.enumerated() {
            guard case .local(let path) = entry else { Issue.record("local shard expected"); continue }
            let shard = try Database(path: sharded + "/" + path)
            for term in try shard.allTerms(prefix: TermSchema.id) {
                let id = String(term.term.dropFirst(TermSchema.id.count))
                #expect(ShardedIndexLayout.owner(of: id, shardCount: 3) == index)
                #expect(try ShardedIndexLayout.writablePath(forDocument: id, index: sharded) == sharded + "/" + path)
                seen += 1
            }
            // City metadata is in every shard, so any shard (or the first) serves it.
            #expect(!(try shard.metadata(IndexMetadata.cities)).isEmpty)
        }
        #expect(seen == (try IndexReader(path: sharded).database.documentCount()))
    }

    @Test func reindexUpdatesOnlyTheOwningShard() throws {
        let root = try ShardTestSupport.temporaryFolder("reindex")
        let corpus = root + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus + "/documents", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ShardTestSupport.corpus + "/cities.jsonl", toPath: corpus + "/cities.jsonl")
        func write(_ bodies: [String: String]) throws {
            let lines = bodies.sorted { $0.key < $1.key }.map {
                "{\"id\":\"\($0.key)\",\"type\":\"news\",\"title\":\"Note \($0.key)\",\"body\":\"\($0.value)\",\"lang\":\"en\"}"
            }
            try lines.joined(separator: "\n").write(toFile: corpus + "/documents/notes.jsonl", atomically: true, encoding: .utf8)
        }
        var bodies: [String: String] = [:]
        for i in 0..<30 { bodies["note-\(i)"] = "Adult learners meet in library \(i) for reading circles." }
        try write(bodies)
        let index = root + "/index"
        let first = try CorpusIndexer(corpusPath: corpus, indexPath: index, shards: 2).run()
        #expect(first.added == 30)

        bodies["note-7"] = "Zebrafish aquarium workshop for retired engineers."
        bodies.removeValue(forKey: "note-12")
        try write(bodies)
        let second = try CorpusIndexer(corpusPath: corpus, indexPath: index, shards: nil).run()
        #expect(second.updated == 1 && second.removed == 1 && second.unchanged == 28 && second.added == 0)
        #expect(second.documents == 29)

        let owner = try Database(path: try ShardedIndexLayout.writablePath(forDocument: "note-7", index: index))
        #expect(try owner.documentID(for: TermSchema.id + "note-7") != nil)
        let hits = try Searcher(index: IndexReader(path: index)).search(SearchRequest(query: "zebrafish"))
        #expect(hits.results.map(\.id) == ["note-7"])
        let gone = try Searcher(index: IndexReader(path: index)).search(SearchRequest(query: "library 12"))
        #expect(!gone.results.map(\.id).contains("note-12"))

        #expect(throws: ShardError.self) {
            _ = try CorpusIndexer(corpusPath: corpus, indexPath: index, shards: 3).run()
        }
    }

    @Test func compactMergesShardsAndKeepsAnswers() throws {
        let (single, sharded) = try Self.buildBoth()
        let before = try IndexReader(path: sharded)
        let summary = try IndexCompactor(indexPath: sharded).run()
        #expect(summary.shardsMerged == 3)
        #expect(summary.documents == (try before.database.documentCount()))
        let stub = try ShardStub.read(from: ShardedIndexLayout(folder: sharded).stubPath)
        #expect(stub.entries.count == 1)
        let folders = try FileManager.default.contentsOfDirectory(atPath: sharded)
        #expect(!folders.contains { $0.hasPrefix("shard-") }, "old shards removed: \(folders)")
        // A reader opened before the swap still answers, and moves over on refresh.
        #expect(try Searcher(index: before).search(SearchRequest(query: "learning")).total > 0)
        try before.refresh()
        #expect(before.shardCount == 1)
        let after = try IndexReader(path: sharded)
        try Self.expectSameAnswers(try IndexReader(path: single), after)

        // A plain database folder is compacted in place.
        let plain = try IndexCompactor(indexPath: single).run()
        #expect(plain.shardsMerged == 1)
        try Self.expectSameAnswers(try IndexReader(path: single), after)
    }

    @Test func stubLinesParse() throws {
        let stub = try ShardStub.parse("# shards\nauto shard-000\n\nremote 10.0.0.2:33331\nremote [::1]:4000\n", file: "s")
        #expect(stub.entries == [.local("shard-000"), .remote(host: "10.0.0.2", port: 33331), .remote(host: "::1", port: 4000)])
        #expect(try ShardStub.parse(stub.text, file: "s").entries.count == 3)
        for bad in ["remote tcp host 33331", "remote host", "remote host:99999", "remote :xapian-progsrv db", "bogus x", "", "auto"] {
            #expect(throws: ShardError.self, "\(bad)") { _ = try ShardStub.parse(bad, file: "s") }
        }
    }
}

/// Upserts and deletes on a sharded index go to the shard that owns the id.
@Suite struct ShardedUpdateTests {
    @Test func upsertAndDeleteReachTheOwningShard() throws {
        let root = try ShardTestSupport.temporaryFolder("shard-upsert")
        let index = root + "/sharded"
        _ = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: index, shards: 3).run()
        let before = try IndexReader(path: index).database.documentCount()
        let document = SourceDocument(id: "news/upserted-quokka", title: "Quokka learning circle",
                                      body: "A quokka learning circle opened in Sơn La.", lang: .en)
        let outcome = try IndexUpdater(path: index).upsert([document])
        #expect(outcome.added == ["news/upserted-quokka"])
        #expect(outcome.documents == before + 1)
        let owner = try ShardedIndexLayout.writablePath(forDocument: document.id, index: index)
        #expect(try Database(path: owner).documentID(for: TermSchema.id + document.id) != nil)
        let hits = try Searcher(index: try IndexReader(path: index)).search(SearchRequest(query: "quokka"))
        #expect(hits.results.map(\.id) == ["news/upserted-quokka"])
        #expect(hits.results.first?.cities == ["vn-son-la"])
        let removed = try IndexUpdater(path: index).delete(ids: [document.id, "no/such-id"])
        #expect(removed.deleted == [document.id])
        #expect(removed.missing == ["no/such-id"])
        #expect(removed.documents == before)
    }
}
