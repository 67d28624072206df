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

    /// Up to `limit` theme ids closest to `text`, for "did you mean".
    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        let key = CityDirectory.key(text)
        guard !key.isEmpty else { return [] }
        var scored: [(distance: Int, id: String)] = []
        for (name, id) in byKey {
            var distance = EditDistance.between(key, name)
            if name.contains(key) || key.contains(name) { distance = min(distance, 1) }
            if distance <= max(2, key.count / 3) { scored.append((distance, id)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }
        var seen: Set<String> = []
        return scored.map(\.id).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// The vocabulary file's name inside a corpus folder.
    public static let fileName = "themes.jsonl"

    /// Reads `themes.jsonl` at `path`; bad lines become issues naming
    /// `file:line` (reported as `file`) and are skipped.
    public static func read(path: String, file: String = fileName) throws -> (vocabulary: ThemeVocabulary, issues: [CorpusIssue]) {
        var themes: [Theme] = []
        var issues: [CorpusIssue] = []
        var seen: [String: Int] = [:]
        try CorpusReader.forEachJSONLine(path: path, file: file, issue: { issues.append($0) }) { object, line in
            switch ThemeRecord.parse(object) {
            case .failure(let problem):
                issues.append(CorpusIssue(file: file, line: line, reason: problem.reason))
            case .success(let theme):
                if let first = seen[theme.id] {
                    issues.append(CorpusIssue(file: file, line: line,
                                              reason: "duplicate theme id '\(theme.id)' (first on line \(first))"))
                } else {
                    seen[theme.id] = line
                    themes.append(theme)
                }
            }
        }
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
        let fields = JSONFields(object)
        do {
            let id = try fields.requiredString("id")
            guard id.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
                return .failure(FieldError(reason: "field 'id' must be a lower-case slug like 'literacy', got '\(id)'"))
            }
            guard let names = object["name"] as? [String: Any] else {
                return .failure(FieldError(reason: "field 'name' must be an object like {\"en\": \"…\", \"vi\": \"…\"}"))
            }
            let nameFields = JSONFields(names)
            let english: String
            do { english = try nameFields.requiredString("en") } catch {
                return .failure(FieldError(reason: "field 'name.en': \(error.reason)"))
            }
            let vietnamese: String?
            do { vietnamese = try nameFields.string("vi") } catch {
                return .failure(FieldError(reason: "field 'name.vi' must be a string"))
            }
            guard let cueObject = object["cues"] as? [String: Any] else {
                return .failure(FieldError(reason: "field 'cues' must be an object of phrase lists by language, like {\"en\": [\"literacy\"], \"vi\": [\"xóa mù chữ\"]}"))
            }
            var cues: [String: [String]] = [:]
            for (lang, value) in cueObject {
                guard let list = value as? [Any], let phrases = list as? [String] else {
                    return .failure(FieldError(reason: "field 'cues.\(lang)' must be an array of strings"))
                }
                let cleaned = phrases.map { $0.precomposedStringWithCanonicalMapping }
                if let blank = cleaned.firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                    return .failure(FieldError(reason: "field 'cues.\(lang)' has an empty phrase at index \(blank)"))
                }
                cues[lang] = cleaned
            }
            guard cues.values.contains(where: { !$0.isEmpty }) else {
                return .failure(FieldError(reason: "field 'cues' has no phrase: a theme needs at least one cue"))
            }
            return .success(Theme(id: id, name: Theme.Name(en: english.precomposedStringWithCanonicalMapping,
                                                          vi: vietnamese?.precomposedStringWithCanonicalMapping),
                                  area: try fields.string("area"), cues: cues))
        } catch {
            return .failure(error)
        }
    }
}
