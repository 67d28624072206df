import Foundation
import Testing
@testable import LearningCities

@Suite("ThemeTagger")
struct ThemeTaggerTests {
    let vocabulary = ThemeVocabulary(themes: [
        Theme(id: "festivals", name: .init(en: "Learning festivals", vi: "Lễ hội học tập"),
              cues: ["en": ["festival", "learning festival"], "vi": ["lễ hội", "ngày hội học tập"]]),
        Theme(id: "inclusive-education", name: .init(en: "Inclusive education"), cues: ["vi": ["bỏ học"], "en": ["drop-out"]]),
    ])

    func themes(_ text: String) -> [String: Int] {
        ThemeTagger(vocabulary: vocabulary).counts(in: Tokenizer().tokens(of: text))
    }

    @Test("cues match case- and accent-insensitively, English by stem")
    func matching() {
        #expect(themes("The Learning Festivals of Cork") == ["festivals": 1])
        #expect(themes("NGÀY HỘI HỌC TẬP và lễ hội") == ["festivals": 2])
        #expect(themes("ngay hoi hoc tap") == ["festivals": 1])
        #expect(themes("học sinh bỏ học; school drop-outs") == ["inclusive-education": 2])
    }

    @Test("different accents typed do not match, and cues do not span clause breaks")
    func guards() {
        #expect(themes("bộ học") == [:])
        #expect(themes("lễ. Hội") == [:])
        #expect(themes("") == [:])
    }

    @Test("the vocabulary reader reports bad lines as file:line and keeps the good ones")
    func reader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = [
            #"{"id": "literacy", "name": {"en": "Literacy", "vi": "Xóa mù chữ"}, "cues": {"en": ["literacy"], "vi": ["xóa mù chữ"]}}"#,
            #"{"id": "Bad Id", "name": {"en": "x"}, "cues": {"en": ["x"]}}"#,
            #"{"id": "empty", "name": {"en": "Empty"}, "cues": {"en": []}}"#,
            "not json",
            #"{"id": "literacy", "name": {"en": "Again"}, "cues": {"en": ["again"]}}"#,
            #"{"id": "no-name", "cues": {"en": ["x"]}}"#,
        ]
        try lines.joined(separator: "\n").write(to: folder.appendingPathComponent("themes.jsonl"), atomically: true, encoding: .utf8)
        let (read, issues) = try ThemeVocabulary.read(corpus: folder.path)
        #expect(read.themes.map(\.id) == ["literacy"])
        #expect(issues.map(\.line) == [2, 3, 4, 5, 6])
        #expect(issues.allSatisfy { $0.file == "themes.jsonl" })
        #expect(issues[0].description.hasPrefix("themes.jsonl:2: field 'id'"))
        #expect(issues[3].reason.contains("duplicate theme id 'literacy'"))
        #expect(read.matching("xoa mu chu")?.id == "literacy")
        let (none, noIssues) = try ThemeVocabulary.read(corpus: FileManager.default.temporaryDirectory.path + "/no-such-\(UUID())")
        #expect(none.isEmpty && noIssues.isEmpty)
    }

    @Test("indexing tags documents, stores the vocabulary, and re-indexes when the vocabulary changes")
    func indexing() throws {
        let reader = try IndexReader(path: RecommendFixture.index)
        #expect(reader.themes.themes.count > 10)
        #expect(try reader.database.termFrequency(TermSchema.theme + "festivals") >= 8)
        let docid = try #require(try reader.database.documentID(for: TermSchema.id + "initiative/vn-sa-dec/ngay-hoi"))
        let stored = try StoredDocument(stored: try reader.database.data(of: docid))
        #expect(stored.themes.contains("festivals"))
        #expect(stored.themes.contains("culture-of-learning"))

        // A copy of the corpus that brings its own themes.jsonl overriding
        // one of the engine's themes: every document is refreshed.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("recommend-copy-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: RecommendFixture.corpus, toPath: copy)
        let index = copy + "-index"
        let first = try CorpusIndexer(corpusPath: copy, indexPath: index).run()
        #expect(first.added == first.documents)
        let again = try CorpusIndexer(corpusPath: copy, indexPath: index).run()
        #expect(again.unchanged == again.documents)
        try #"{"id": "festivals", "name": {"en": "Festivals"}, "cues": {"en": ["carnival"]}}"#
            .write(toFile: copy + "/themes.jsonl", atomically: true, encoding: .utf8)
        let changed = try CorpusIndexer(corpusPath: copy, indexPath: index).run()
        #expect(changed.updated == changed.documents)
        let overridden = try IndexReader(path: index)
        #expect(overridden.themes["festivals"]?.cues == ["en": ["carnival"]])
        #expect(overridden.themes.themes.count == reader.themes.themes.count)
    }
}
