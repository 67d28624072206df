import Foundation

/// The programme concepts of a vocabulary (`concepts.jsonl`), looked up by id.
public struct ConceptVocabulary: Sendable, Equatable {
    /// Every concept, in file order.
    public let concepts: [Concept]
    private let byID: [String: Int]

    /// A vocabulary of `concepts`.
    public init(concepts: [Concept]) {
        self.concepts = concepts
        byID = Dictionary(concepts.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// True when there is no concept.
    public var isEmpty: Bool { concepts.isEmpty }

    /// The concept with this id.
    public subscript(id: String) -> Concept? {
        byID[id].map { concepts[$0] }
    }

    /// The concept file's name inside a corpus folder or the engine's vocabulary folder.
    public static let fileName = "concepts.jsonl"

    /// Reads `concepts.jsonl` at `path`; bad lines become issues naming `file:line` and are skipped.
    public static func read(path: String, file: String = fileName) throws -> (vocabulary: ConceptVocabulary, issues: [CorpusIssue]) {
        let (concepts, issues) = try VocabularyRecordFields.readUnique(path: path, file: file, kind: "concept", id: \Concept.id,
                                                                      parse: ConceptRecord.parse)
        return (ConceptVocabulary(concepts: concepts), issues)
    }
}

/// Validates one JSON object of `concepts.jsonl` into a `Concept`, with messages that name the field.
enum ConceptRecord {
    static func parse(_ object: [String: Any]) -> Result<Concept, FieldError> {
        let fields = JSONFields(object)
        do {
            return .success(Concept(id: try VocabularyRecordFields.slug(object, example: "public-library"),
                                    label: try VocabularyRecordFields.bilingualName(object, key: "label"),
                                    forms: try VocabularyRecordFields.phraseLists(
                                        object, key: "forms", example: #"{"en": ["library"], "vi": ["thư viện"]}"#,
                                        noun: "a concept needs at least one form"),
                                    themes: try fields.stringArray("themes") ?? [], source: try fields.string("source")))
        } catch {
            return .failure(error)
        }
    }
}
