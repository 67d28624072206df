import Foundation
import Testing
@testable import LearningCities
import XapianKit

/// `--jobs N`: a fresh index written by N writers into partial databases and
/// merged with Xapian's compactor answers exactly like one writer's index.
@Suite(.serialized) struct ParallelIndexTests {
    @Test func mergedBuildEqualsOneWriter() throws {
        let root = try ShardTestSupport.temporaryFolder("jobs")
        let one = root + "/one", three = root + "/three"
        let first = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: one, jobs: 1).run()
        let second = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: three, jobs: 3).run()
        #expect(first.added == second.added && first.documents == second.documents && first.documents > 100)

        // One database in the index folder, nothing left beside it.
        #expect(!ShardedIndexLayout.isSharded(three))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["one", "three"])

        let a = try IndexReader(path: one), b = try IndexReader(path: three)
        #expect(a.cities.all.map(\.id) == b.cities.all.map(\.id))
        #expect(try a.database.spellings() == b.database.spellings())
        try ShardedIndexTests.expectSameAnswers(a, b)
        for request in ShardTestSupport.requests {
            let x = try Searcher(index: a).search(request), y = try Searcher(index: b).search(request)
            #expect(x.didYouMean == y.didYouMean && x.accented == y.accented, "suggestions for \(request.query)")
        }
        for query in ["hoc tap", "thanh pho", "festival"] {
            let request = SearchRequest(query: query)
            #expect(try Searcher(index: a).search(request).accented == (try Searcher(index: b).search(request).accented))
        }
    }

    @Test func aMergedIndexIsRefreshedIncrementally() throws {
        let corpus = try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [
            "docs.jsonl": (1...40).map {
                #"{"id":"d\#($0)","type":"news","title":"Bài \#($0)","body":"Thành phố học tập số \#($0)."}"#
            }.joined(separator: "\n"),
        ])
        let built = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index, jobs: 2).run()
        #expect((built.added, built.documents) == (40, 40))
        let again = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index, jobs: 2).run()
        #expect((again.added, again.updated, again.unchanged, again.removed) == (0, 0, 40, 0))

        try corpus.write("docs.jsonl", (2...41).map {
            #"{"id":"d\#($0)","type":"news","title":"Bài \#($0)","body":"Thành phố học tập số \#($0)\#($0 == 7 ? " đổi" : "")."}"#
        }.joined(separator: "\n"))
        let changed = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index, jobs: 2).run()
        #expect((changed.added, changed.updated, changed.unchanged, changed.removed, changed.documents) == (1, 1, 38, 1, 40))
        let searcher = Searcher(index: try IndexReader(path: corpus.index))
        #expect(try searcher.search(SearchRequest(query: "doi")).results.map(\.id) == ["d7"])
    }

    @Test func aBusyFolderIsNeverSwappedOut() throws {
        // A folder holding other files is indexed in place, never exchanged with a merged database.
        let corpus = try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [
            "docs.jsonl": #"{"id":"d1","type":"news","title":"Sơn La","body":"Học tập suốt đời."}"#,
        ])
        try FileManager.default.createDirectory(atPath: corpus.index, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: corpus.index + "/notes.txt"))
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index, jobs: 2).run()
        #expect(FileManager.default.fileExists(atPath: corpus.index + "/notes.txt"))
        #expect(try IndexReader(path: corpus.index).database.documentCount() == 1)
    }
}
