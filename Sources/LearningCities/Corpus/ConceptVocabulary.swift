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
        var concepts: [Concept] = []
        var issues: [CorpusIssue] = []
        var seen: [String: Int] = [:]
        try CorpusReader.forEachJSONLine(path: path, file: file, issue: { issues.append($0) }) { object, line in
            switch ConceptRecord.parse(object) {
            case .failure(let problem):
                issues.append(CorpusIssue(file: file, line: line, reason: problem.reason))
            case .success(let concept):
                if let first = seen[concept.id] {
                    issues.append(CorpusIssue(file: file, line: line,
                                              reason: "duplicate concept id '\(concept.id)' (first on line \(first))"))
                } else {
                    seen[concept.id] = line
                    concepts.append(concept)
                }
            }
        }
        return (ConceptVocabulary(concepts: concepts), issues)
    }
}

/// Validates one JSON object of `concepts.jsonl` into a `Concept`, with messages that name the field.
enum ConceptRecord {
    static func parse(_ object: [String: Any]) -> Result<Concept, FieldError> {
        let fields = JSONFields(object)
        do {
            let id = try fields.requiredString("id")
            guard id.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
                return .failure(FieldError(reason: "field 'id' must be a lower-case slug like 'public-library', got '\(id)'"))
            }
            guard let labels = object["label"] as? [String: Any] else {
                return .failure(FieldError(reason: "field 'label' must be an object like {\"en\": \"…\", \"vi\": \"…\"}"))
            }
            let labelFields = JSONFields(labels)
            let english: String
            do { english = try labelFields.requiredString("en") } catch {
                return .failure(FieldError(reason: "field 'label.en': \(error.reason)"))
            }
            let vietnamese: String?
            do { vietnamese = try labelFields.string("vi") } catch {
                return .failure(FieldError(reason: "field 'label.vi' must be a string"))
            }
            guard let formObject = object["forms"] as? [String: Any] else {
                return .failure(FieldError(reason: "field 'forms' must be an object of phrase lists by language, like {\"en\": [\"library\"], \"vi\": [\"thư viện\"]}"))
            }
            var forms: [String: [String]] = [:]
            for (lang, value) in formObject {
                guard let list = value as? [Any], let phrases = list as? [String] else {
                    return .failure(FieldError(reason: "field 'forms.\(lang)' must be an array of strings"))
                }
                let cleaned = phrases.map { $0.precomposedStringWithCanonicalMapping }
                if let blank = cleaned.firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                    return .failure(FieldError(reason: "field 'forms.\(lang)' has an empty phrase at index \(blank)"))
                }
                forms[lang] = cleaned
            }
            guard forms.values.contains(where: { !$0.isEmpty }) else {
                return .failure(FieldError(reason: "field 'forms' has no phrase: a concept needs at least one form"))
            }
            return .success(Concept(id: id, label: Theme.Name(en: english.precomposedStringWithCanonicalMapping,
                                                             vi: vietnamese?.precomposedStringWithCanonicalMapping),
                                    forms: forms, themes: try fields.stringArray("themes") ?? [],
                                    source: try fields.string("source")))
        } catch {
            return .failure(error)
        }
    }
}
