import Foundation
import Testing
@testable import LearningCities
import XapianKit

/// A sharded index keeps the vocabulary tables of the whole index (accent
/// restoration, spelling, city synonyms) once, in its `vocabulary` database:
/// the same tables as a single database of the same documents, through
/// indexing, upserts, deletes, compaction, a crash between commits and the
/// move from the older per-shard layout.
@Suite(.serialized) struct SharedVocabularyTests {
    /// The synonym and spelling entries of a database.
    struct Tables: Equatable {
        var synonyms: [String: Set<String>] = [:]
        var spellings: [String: Int] = [:]

        init(_ database: Database) throws {
            for key in try database.synonymKeys() { synonyms[key] = Set(try database.synonyms(of: key)) }
            for entry in try database.spellings() { spellings[entry.term] = entry.frequency }
        }
    }

    static func shards(of index: String) throws -> [String] {
        try ShardedIndexLayout(folder: index).localShardPaths(operation: "test")
    }

    static func vocabulary(of index: String) throws -> Database {
        try Database(path: index + "/" + ShardedIndexLayout.vocabularyName)
    }

    /// The differing keys of two tables, for messages.
    static func differences(_ a: Tables, _ b: Tables) -> [String] {
        let synonyms = Set(a.synonyms.keys).union(b.synonyms.keys).filter { a.synonyms[$0] != b.synonyms[$0] }
        let spellings = Set(a.spellings.keys).union(b.spellings.keys).filter { a.spellings[$0] != b.spellings[$0] }
        return (synonyms.sorted().prefix(5).map { "synonyms \($0): \(a.synonyms[$0] ?? []) ≠ \(b.synonyms[$0] ?? [])" }
            + spellings.sorted().prefix(5).map { "spelling \($0): \(a.spellings[$0] ?? 0) ≠ \(b.spellings[$0] ?? 0)" })
    }

    @Test func aShardedIndexKeepsTheTablesOfTheWholeIndexOnce() throws {
        let (single, sharded) = try ShardedIndexTests.buildBoth()
        let stubPath = ShardedIndexLayout(folder: sharded).stubPath
        let text = try String(contentsOfFile: stubPath, encoding: .utf8)
        #expect(text.hasSuffix("auto shard-002\nauto vocabulary\n"), "\(text)")
        #expect(try ShardStub.read(from: stubPath).entries.count == 3)
        for shard in try Self.shards(of: sharded) {
            #expect(try !VocabularyTables.holdsEntries(Database(path: shard)), "\(shard) holds no tables")
        }
        let vocabulary = try Self.vocabulary(of: sharded)
        #expect(try vocabulary.documentCount() == 0)
        let whole = try Tables(Database(path: single)), shared = try Tables(vocabulary)
        #expect(whole.synonyms.keys.contains { $0.hasPrefix(TermSchema.restoration) })
        #expect(whole.synonyms.keys.contains { !$0.hasPrefix(TermSchema.restoration) }, "city synonyms")
        #expect(whole.spellings.count > 100)
        #expect(whole == shared, "\(Self.differences(whole, shared))")

        // Plain Xapian opening the stub sees them too.
        let plain = try Database(path: stubPath), one = try Database(path: single)
        let keys = ["lerning", "festivl", "hoc", "literacyy", "comunity"].compactMap { Tokenizer().tokens(of: $0).first?.key }
        for key in keys {
            #expect(try plain.spellingSuggestion(for: key) == (try one.spellingSuggestion(for: key)), "\(key)")
        }
        #expect(try keys.filter { try plain.spellingSuggestion(for: $0) != nil }.count >= 3, "\(keys)")
        #expect(try !plain.synonyms(of: TermSchema.restoration + "hoc").isEmpty)
    }

    @Test func upsertAndDeleteKeepTheTablesOfTheWholeIndex() throws {
        let (single, sharded) = try ShardedIndexTests.buildBoth()
        let documents = [
            SourceDocument(id: "news/clam-farming-class", title: "Lớp học nuôi nghêu sò",
                           body: "Nông dân ven biển học cách nuôi nghêu sò trong lớp học cộng đồng.", lang: .vi),
            SourceDocument(id: "news/zebrafish-workshop", title: "Zebrafish workshop",
                           body: "Retired engineers meet in the zebrafish aquarium workshop.", lang: .en),
        ]
        for index in [single, sharded] { _ = try IndexUpdater(path: index).upsert(documents) }
        var whole = try Tables(Database(path: single)), shared = try Tables(Self.vocabulary(of: sharded))
        #expect(whole.spellings["zebrafish"] == 1)
        #expect(whole == shared, "after upsert: \(Self.differences(whole, shared))")
        let request = SearchRequest(query: "ngheu so")
        let a = try Searcher(index: IndexReader(path: single)).search(request)
        let b = try Searcher(index: IndexReader(path: sharded)).search(request)
        #expect(b.accented?.hasPrefix("nghêu") == true, "\(b.accented ?? "nil")")
        #expect(a.accented == b.accented)
        let vocabulary = try SharedVocabulary(path: sharded + "/vocabulary", shards: try Self.shards(of: sharded))
        #expect(try vocabulary.isCurrent(), "the upsert recorded the shards it describes")
        vocabulary.close()

        for index in [single, sharded] { _ = try IndexUpdater(path: index).delete(ids: documents.map(\.id)) }
        whole = try Tables(Database(path: single))
        shared = try Tables(Self.vocabulary(of: sharded))
        #expect(whole.spellings["zebrafish"] == nil)
        #expect(whole == shared, "after delete: \(Self.differences(whole, shared))")
    }

    @Test func tablesLeftBehindByACrashAreRebuiltByTheNextIndex() throws {
        let (_, sharded) = try ShardedIndexTests.buildBoth()
        let built = try Tables(Self.vocabulary(of: sharded))
        do {
            let writer = try WritableDatabase(path: sharded + "/vocabulary", create: false)
            try writer.addSpelling("zzzbogus", increment: 3)
            try writer.commit()
            try writer.close()
        }
        // Nothing changed and the tables describe the shards: left alone.
        let unchanged = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: sharded).run()
        #expect(unchanged.added + unchanged.updated + unchanged.removed == 0)
        #expect(try Tables(Self.vocabulary(of: sharded)).spellings["zzzbogus"] == 3)

        // A shard committed after the tables were (as when a write crashed
        // between the two commits): the next index rebuilds them.
        do {
            let shard = try WritableDatabase(path: try Self.shards(of: sharded)[1], create: false)
            try shard.setMetadata(Array("1".utf8), for: "test:committed-later")
            try shard.commit()
            try shard.close()
        }
        _ = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: sharded).run()
        let rebuilt = try Tables(Self.vocabulary(of: sharded))
        #expect(rebuilt == built, "\(Self.differences(rebuilt, built))")
    }

    @Test func compactionKeepsTheVocabularyDatabase() throws {
        let (_, sharded) = try ShardedIndexTests.buildBoth()
        let before = try Tables(Self.vocabulary(of: sharded))
        _ = try IndexCompactor(indexPath: sharded).run()
        let stub = try ShardStub.read(from: ShardedIndexLayout(folder: sharded).stubPath)
        #expect(stub.entries.count == 1)
        #expect(stub.vocabulary == ShardedIndexLayout.vocabularyName)
        let shards = try Self.shards(of: sharded)
        #expect(try !VocabularyTables.holdsEntries(Database(path: shards[0])), "the compacted shard holds no tables")
        #expect(try Tables(Self.vocabulary(of: sharded)) == before)
        let vocabulary = try SharedVocabulary(path: sharded + "/vocabulary", shards: shards)
        #expect(try vocabulary.isCurrent(), "the tables still describe the (compacted) shards")
        vocabulary.close()
    }

    @Test func anOlderShardedIndexGainsItsVocabularyDatabaseOnTheNextIndex() throws {
        let (single, sharded) = try ShardedIndexTests.buildBoth()
        // The layout before: tables in every shard, none shared.
        let corpus = try PreparedCorpus(corpusPath: ShardTestSupport.corpus, strict: false, issue: { _ in })
        for shard in try Self.shards(of: sharded) {
            let writer = try WritableDatabase(path: shard, create: false)
            let view = try writer.reader()
            try VocabularyTables.rebuild(writer: writer, terms: view, tables: view, synonyms: corpus.synonyms)
            try writer.commit()
            try writer.close()
        }
        try FileManager.default.removeItem(atPath: sharded + "/vocabulary")
        let layout = ShardedIndexLayout(folder: sharded)
        var stub = try ShardStub.read(from: layout.stubPath)
        stub.vocabulary = nil
        try stub.write(to: layout.stubPath)

        // It still opens and answers, from its shards' own tables.
        let old = try Searcher(index: IndexReader(path: sharded)).search(SearchRequest(query: "hoc tap suot doi"))
        #expect(old.accented != nil)

        _ = try CorpusIndexer(corpusPath: ShardTestSupport.corpus, indexPath: sharded).run()
        #expect(try ShardStub.read(from: layout.stubPath).vocabulary == ShardedIndexLayout.vocabularyName)
        for shard in try Self.shards(of: sharded) {
            #expect(try !VocabularyTables.holdsEntries(Database(path: shard)), "\(shard) gave its tables up")
        }
        let whole = try Tables(Database(path: single)), shared = try Tables(Self.vocabulary(of: sharded))
        #expect(whole == shared, "\(Self.differences(whole, shared))")
    }

    @Test func stubListsTheVocabularyDatabaseApart() throws {
        let stub = try ShardStub.parse("auto shard-000\nremote 10.0.0.2:33331\nauto /srv/index/vocabulary\n", file: "s")
        #expect(stub.entries == [.local("shard-000"), .remote(host: "10.0.0.2", port: 33331)])
        #expect(stub.vocabulary == "/srv/index/vocabulary")
        #expect(try ShardStub.parse(stub.text, file: "s") == stub)
        #expect(throws: ShardError.self) { _ = try ShardStub.parse("auto shard-000\nauto vocabulary\nauto v/vocabulary\n", file: "s") }
        #expect(throws: ShardError.self) { _ = try ShardStub.parse("auto vocabulary\n", file: "s") }
    }
}
