import Foundation
import Testing
@testable import LearningCities

/// The index's stored document format, and the concept form table queries read.
@Suite struct StoredFormatTests {
    private let document = StoredDocument(id: "news/vn-ha-noi/1", type: .news, title: "Hà Nội – thành phố học tập",
                                          body: String(repeating: "Học tập suốt đời \"ở\" mọi nơi.\n", count: 40),
                                          cities: ["vn-ha-noi", "vn-son-la"], date: "2024-12-04", lang: .vi,
                                          source: "https://uil.unesco.org/x", themes: ["literacy"])

    @Test func documentsRoundTripThroughTheStoredBytes() throws {
        #expect(try StoredDocument(stored: document.encoded()) == document)
        var bare = document
        bare.cities = []
        bare.date = nil
        bare.source = nil
        bare.themes = []
        bare.body = ""
        #expect(try StoredDocument(stored: bare.encoded()) == bare)
    }

    @Test func dataWrittenAsJSONByOlderIndexesIsStillRead() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try StoredDocument(stored: [UInt8](encoder.encode(document))) == document)
    }

    @Test func truncatedOrForeignBytesAreAnErrorNotACrash() {
        let bytes = document.encoded()
        for length in [0, 1, 5, bytes.count / 2, bytes.count - 1] {
            #expect(throws: (any Error).self) { try StoredDocument(stored: Array(bytes.prefix(length))) }
        }
        #expect(throws: (any Error).self) { try StoredDocument(stored: [9, 1, 65]) }
        #expect(throws: (any Error).self) { try StoredDocument(stored: [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) }
    }

    @Test func queriesFindTheSameConceptsThroughTheFormTable() throws {
        let index = try RecommendFixture.recommender().index
        let table = try index.database.metadata(IndexMetadata.conceptForms)
        #expect(!table.isEmpty)
        let tagger = ConceptTagger(vocabulary: index.concepts)
        let tokenizer = Tokenizer()
        var found = 0
        for query in ["thư viện người cao tuổi", "thu vien nguoi cao tuoi", "public libraries for older people",
                      "senior citizens learning festival", "bộ học", "ban chỉ đạo", "literacy", "xyz"] {
            let tokens = tokenizer.tokens(of: CanonicalComposition.nfc(query))
            let full = tagger.mentions(in: tokens)
            let fromTable = ConceptExpansion.mentions(in: tokens, index: index)
            #expect(fromTable.map { "\($0.id)@\($0.start)+\($0.length)" } == full.map { "\($0.id)@\($0.start)+\($0.length)" },
                    "\(query)")
            found += full.count
        }
        #expect(found >= 4)
    }
}
