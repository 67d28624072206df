import Foundation
import Testing
@testable import LearningCities

/// The engine's own bilingual programme vocabulary and concept tagging.
@Suite("Programme vocabulary")
struct ProgrammeVocabularyTests {
    @Test("the shipped vocabulary loads without a problem, versioned, every concept bilingual and themed")
    func shipped() {
        let vocabulary = ProgrammeVocabulary.shipped
        #expect(ProgrammeVocabulary.shippedIssues.isEmpty, "\(ProgrammeVocabulary.shippedIssues)")
        #expect(!vocabulary.version.isEmpty && vocabulary.version != "unversioned")
        #expect(vocabulary.themes.themes.count >= 15)
        #expect(vocabulary.concepts.concepts.count >= 12)
        let themes = Set(vocabulary.themes.themes.map(\.id))
        for concept in vocabulary.concepts.concepts {
            #expect(!(concept.forms["en"] ?? []).isEmpty && !(concept.forms["vi"] ?? []).isEmpty, "\(concept.id)")
            #expect(concept.themes.allSatisfy(themes.contains), "\(concept.id): \(concept.themes)")
        }
    }

    @Test("variants in either language are one concept", arguments: [
        ("public library", "public-library"), ("thư viện", "public-library"), ("tủ sách", "public-library"),
        ("senior citizens", "older-people"), ("the elderly", "older-people"), ("người cao tuổi", "older-people"),
        ("người cao niên", "older-people"), ("literacy", "literacy"), ("xóa mù chữ", "literacy"),
        ("kominkan", "community-learning-centre"), ("trung tâm học tập cộng đồng", "community-learning-centre"),
        ("vocational training", "vocational-training"), ("dạy nghề", "vocational-training"),
        ("ethnic minorities", "ethnic-minorities"), ("đồng bào dân tộc thiểu số", "ethnic-minorities"),
        ("learning festival", "learning-festival"), ("lễ hội học tập", "learning-festival"),
    ])
    func variants(text: String, concept: String) {
        let tagger = ConceptTagger(vocabulary: ProgrammeVocabulary.shipped.concepts)
        #expect(tagger.counts(in: Tokenizer().tokens(of: "Chương trình \(text) / the \(text) programme")).keys.contains(concept),
                "\(text) → \(concept)")
    }

    @Test("a corpus's concepts.jsonl extends and overrides the engine's; bad lines are file:line issues")
    func corpusExtends() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("concepts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try [
            #"{"id": "literacy", "label": {"en": "Reading"}, "forms": {"en": ["reading club"]}, "themes": ["literacy"]}"#,
            #"{"id": "boat-school", "label": {"en": "boat school", "vi": "trường học trên sông"}, "forms": {"en": ["boat school"], "vi": ["trường học trên sông"]}}"#,
            #"{"id": "Bad", "label": {"en": "x"}, "forms": {"en": ["x"]}}"#,
            #"{"id": "no-forms", "label": {"en": "x"}, "forms": {"en": []}}"#,
        ].joined(separator: "\n").write(toFile: folder + "/concepts.jsonl", atomically: true, encoding: .utf8)
        let (vocabulary, issues) = try ProgrammeVocabulary.read(corpus: folder)
        #expect(vocabulary.concepts["literacy"]?.forms == ["en": ["reading club"]])
        #expect(vocabulary.concepts["boat-school"] != nil)
        #expect(vocabulary.concepts.concepts.count == ProgrammeVocabulary.shipped.concepts.concepts.count + 1)
        #expect(vocabulary.version == ProgrammeVocabulary.shipped.version + "+corpus")
        #expect(issues.map(\.description).map { $0.prefix(20) } == ["concepts.jsonl:3: fi", "concepts.jsonl:4: fi"])
        // No file: the engine's own vocabulary, unchanged.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("none-\(UUID().uuidString)").path
        #expect(try ProgrammeVocabulary.read(corpus: empty).vocabulary == ProgrammeVocabulary.shipped)
    }

    @Test("documents carry concept terms in any language; the vocabulary is in the index and its fingerprint")
    func indexed() throws {
        let reader = try RecommendFixture.recommender().index
        #expect(reader.concepts.concepts.count == ProgrammeVocabulary.shipped.concepts.concepts.count)
        #expect(String(decoding: try reader.database.metadata(IndexMetadata.vocabularyVersion), as: UTF8.self)
                == ProgrammeVocabulary.shipped.version)
        let library = try reader.database.documentIDs(for: TermSchema.programmeConcept + "public-library")
        var languages: Set<String> = []
        for docid in library {
            languages.insert(String(decoding: try reader.database.value(of: docid, slot: TermSchema.Slot.lang), as: UTF8.self))
        }
        #expect(languages == ["vi", "en"])
    }
}
