import Foundation

/// The themes of a corpus (`themes.jsonl`), looked up by id or by name in
/// either language, accent- and case-insensitively.
public struct ThemeVocabulary: Sendable, Equatable {
    /// Every theme, in file order.
    public let themes: [Theme]
    private let byKey: [String: String]

    /// A vocabulary of `themes`.
    public init(themes: [Theme]) {
        self.themes = themes
        var byKey: [String: String] = [:]
        for theme in themes {
            for name in [theme.id, theme.name.en] + (theme.name.vi.map { [$0] } ?? []) {
                let key = CityDirectory.key(name)
                if byKey[key] == nil { byKey[key] = theme.id }
            }
        }
        self.byKey = byKey
    }

    /// True when there is no theme.
    public var isEmpty: Bool { themes.isEmpty }

    /// The theme with this id.
    public subscript(id: String) -> Theme? {
        themes.first { $0.id == id }
    }

    /// The theme whose id or name (English or Vietnamese) is `text`.
    public func matching(_ text: String) -> Theme? {
        if let theme = self[text] { return theme }
        return byKey[CityDirectory.key(text)].flatMap { self[$0] }
    }

    /// Up to `limit` theme ids whose id or name is closest to `text`, for "did you mean".
    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        ClosestNames.closest(to: text, in: byKey.map { (name: $0.key, items: [$0.value]) }, limit: limit, id: { $0 }, order: { $0 })
    }

    /// The vocabulary file's name inside a corpus folder.
    public static let fileName = "themes.jsonl"

    /// Reads `themes.jsonl` at `path`; bad lines become issues naming
    /// `file:line` (reported as `file`) and are skipped.
    public static func read(path: String, file: String = fileName) throws -> (vocabulary: ThemeVocabulary, issues: [CorpusIssue]) {
        let (themes, issues) = try VocabularyRecordFields.readUnique(path: path, file: file, kind: "theme", id: \Theme.id,
                                                                    parse: ThemeRecord.parse)
        return (ThemeVocabulary(themes: themes), issues)
    }

    /// Reads the vocabulary of the corpus at `root`: empty, with no issue,
    /// when the corpus has no `themes.jsonl`.
    public static func read(corpus root: String) throws -> (vocabulary: ThemeVocabulary, issues: [CorpusIssue]) {
        let path = (root as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return (ThemeVocabulary(themes: []), []) }
        return try read(path: path, file: fileName)
    }
}

/// Validates one JSON object of `themes.jsonl` into a `Theme`, with messages that name the field.
enum ThemeRecord {
    static func parse(_ object: [String: Any]) -> Result<Theme, FieldError> {
        do {
            return .success(Theme(id: try VocabularyRecordFields.slug(object, example: "literacy"),
                                  name: try VocabularyRecordFields.bilingualName(object, key: "name"),
                                  area: try JSONFields(object).string("area"),
                                  cues: try VocabularyRecordFields.phraseLists(
                                      object, key: "cues", example: #"{"en": ["literacy"], "vi": ["xóa mù chữ"]}"#,
                                      noun: "a theme needs at least one cue")))
        } catch {
            return .failure(error)
        }
    }
}
