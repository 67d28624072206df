import Foundation
import Testing
import XapianKit
@testable import LearningCities

@Suite struct IndexerTests {
    func makeCorpus() throws -> FixtureCorpus {
        try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [
            "docs.jsonl": [
                #"{"id":"d1","type":"news","title":"Sơn La","body":"Thành phố Sơn La thúc đẩy học tập suốt đời.","date":"2024-02-15"}"#,
                #"{"id":"d2","type":"initiative","title":"Festival","body":"Cork holds a lifelong learning festival.","cities":["ie-cork"],"lang":"en","date":"2015"}"#,
                #"{"id":"d3","type":"news","body":"TP.HCM và Sơn La gia nhập mạng lưới."}"#,
            ].joined(separator: "\n"),
        ])
    }

    @Test func reindexingReplacesChangedAndRemovesVanishedDocuments() throws {
        let corpus = try makeCorpus()
        var summary = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        #expect((summary.added, summary.updated, summary.removed, summary.documents) == (3, 0, 0, 3))
        summary = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        #expect((summary.added, summary.updated, summary.unchanged, summary.removed) == (0, 0, 3, 0))

        try corpus.write("docs.jsonl", [
            #"{"id":"d1","type":"news","title":"Sơn La","body":"Sơn La mở trung tâm học tập cộng đồng mới.","date":"2024-02-15"}"#,
            #"{"id":"d2","type":"initiative","title":"Festival","body":"Cork holds a lifelong learning festival.","cities":["ie-cork"],"lang":"en","date":"2015"}"#,
        ].joined(separator: "\n"))
        summary = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        #expect((summary.added, summary.updated, summary.unchanged, summary.removed, summary.documents) == (0, 1, 1, 1, 2))

        let searcher = Searcher(index: try IndexReader(path: corpus.index))
        #expect(try searcher.search(SearchRequest(query: "trung tam hoc tap cong dong")).results.map(\.id) == ["d1"])
        #expect(try searcher.search(SearchRequest(query: "suot doi")).total == 0)
        #expect(try searcher.search(SearchRequest(query: "gia nhap")).total == 0)
    }

    @Test func linksCitiesAndDetectsLanguageWhenAbsent() throws {
        let corpus = try makeCorpus()
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        let reader = try IndexReader(path: corpus.index)
        let hit = try #require(try Searcher(index: reader).search(SearchRequest(query: "gia nhap")).results.first)
        #expect(hit.id == "d3")
        #expect(hit.cities == ["vn-ho-chi-minh-city", "vn-son-la"])
        #expect(hit.lang == "vi")
        #expect(reader.cities.all.count == 4)
    }

    @Test func strictModeWritesNothingWhenTheCorpusHasProblems() throws {
        let corpus = try makeCorpus()
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        try corpus.write("more.jsonl", #"{"id":"d9","body":"new"}"# + "\n" + #"{"id":"d10"}"#)
        var reported: [CorpusIssue] = []
        #expect(throws: CorpusError.self) {
            _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index, strict: true).run(issue: { reported.append($0) })
        }
        #expect(reported.map(\.description) == ["documents/more.jsonl:2: missing required field 'body'"])
        #expect(try Database(path: corpus.index).documentCount() == 3)
        // Without --strict the good line is indexed and the bad one skipped.
        let summary = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        #expect((summary.added, summary.skipped, summary.documents) == (1, 1, 4))
    }

    @Test func aSecondWriterIsToldTheIndexIsLocked() throws {
        let corpus = try makeCorpus()
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        let holder = try WritableDatabase(path: corpus.index)
        defer { try? holder.close() }
        do {
            _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
            Issue.record("expected a lock error")
        } catch let error as IndexError {
            guard case .locked = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains("locked by another process"))
        }
    }
}

/// Words written by `upsert` are learned like words of an indexed corpus:
/// the accent-restoration and spelling tables follow every write.
@Suite struct VocabularyFollowsWritesTests {
    static let clams = SourceDocument(
        id: "news/vn-test/ngheu-so", type: .news, title: "Nghề nuôi nghêu sò ven biển",
        body: "Người dân ven biển học cách nuôi nghêu sò bền vững; lớp học nghêu sò mở mỗi tuần.", lang: .vi)

    /// A copy of the shipped corpus in a temporary folder, with `extra` as one more documents file.
    static func shippedCopy(extra: SourceDocument?) throws -> (corpus: String, index: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lc-\(UUID().uuidString)")
        let corpus = base.appendingPathComponent("corpus").path
        try FileManager.default.createDirectory(atPath: base.path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: FixtureCorpus.shippedCorpus, toPath: corpus)
        if let extra {
            let line = String(decoding: try JSONEncoder().encode(extra), as: UTF8.self)
            try (line + "\n").write(toFile: corpus + "/documents/extra.jsonl", atomically: true, encoding: .utf8)
        }
        return (corpus, base.appendingPathComponent("index").path)
    }

    @Test func upsertedWordsGetTheirAccentsBackLikeIndexedOnes() throws {
        let upserted = try Self.shippedCopy(extra: nil)
        _ = try CorpusIndexer(corpusPath: upserted.corpus, indexPath: upserted.index).run()
        _ = try IndexUpdater(path: upserted.index).upsert([Self.clams])
        let fresh = try Self.shippedCopy(extra: Self.clams)
        _ = try CorpusIndexer(corpusPath: fresh.corpus, indexPath: fresh.index).run()

        let query = SearchRequest(query: "ngheu so")
        let afterUpsert = try Searcher(index: IndexReader(path: upserted.index)).search(query)
        let afterIndex = try Searcher(index: IndexReader(path: fresh.index)).search(query)
        #expect(afterUpsert.accented == "nghêu sò")
        #expect(afterUpsert.accented == afterIndex.accented)
        // One word alone is restored from the tables, which upsert keeps in step.
        let word = try Searcher(index: IndexReader(path: upserted.index)).search(SearchRequest(query: "ngheu"))
        #expect(word.accented == "nghêu")
        let tables = try IndexReader(path: upserted.index).database
        #expect(try tables.synonyms(of: TermSchema.restoration + "ngheu") == ["nghêu"])
        #expect(try tables.spellings().first { $0.term == "ngheu" }?.frequency == 1)

        // Once the corpus holds the same document, `learncity index` finds it
        // unchanged and keeps what upsert taught.
        let line = String(decoding: try JSONEncoder().encode(Self.clams), as: UTF8.self)
        try (line + "\n").write(toFile: upserted.corpus + "/documents/extra.jsonl", atomically: true, encoding: .utf8)
        let summary = try CorpusIndexer(corpusPath: upserted.corpus, indexPath: upserted.index).run()
        #expect(summary.added + summary.updated + summary.removed == 0)
        let reopened = try Searcher(index: IndexReader(path: upserted.index)).search(query)
        #expect(reopened.accented == afterUpsert.accented)
    }

    @Test func deletedWordsAreForgotten() throws {
        let index = try Self.shippedCopy(extra: nil)
        _ = try CorpusIndexer(corpusPath: index.corpus, indexPath: index.index).run()
        _ = try IndexUpdater(path: index.index).upsert([Self.clams])
        _ = try IndexUpdater(path: index.index).delete(ids: [Self.clams.id])
        let reader = try IndexReader(path: index.index)
        #expect(try reader.database.synonyms(of: TermSchema.restoration + "ngheu").isEmpty)
        #expect(try reader.database.spellings().contains { $0.term == "ngheu" } == false)
    }
}
