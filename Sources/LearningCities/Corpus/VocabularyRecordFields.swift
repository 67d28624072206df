import Foundation

/// What `themes.jsonl` and `concepts.jsonl` lines have in common: a
/// bilingual name, phrase lists by language, and ids unique in the file.
enum VocabularyRecordFields {
    /// Reads a JSONL vocabulary file at `path`: each object parsed by
    /// `parse`, bad lines and repeated ids (`kind` names them) reported as
    /// `file:line` issues and skipped.
    static func readUnique<T>(path: String, file: String, kind: String, id: (T) -> String,
                              parse: ([String: Any]) -> Result<T, FieldError>) throws -> (entries: [T], issues: [CorpusIssue]) {
        var entries: [T] = []
        var issues: [CorpusIssue] = []
        var seen: [String: Int] = [:]
        try CorpusReader.forEachJSONLine(path: path, file: file, issue: { issues.append($0) }) { object, line in
            switch parse(object) {
            case .failure(let problem):
                issues.append(CorpusIssue(file: file, line: line, reason: problem.reason))
            case .success(let entry):
                if let first = seen[id(entry)] {
                    issues.append(CorpusIssue(file: file, line: line,
                                              reason: "duplicate \(kind) id '\(id(entry))' (first on line \(first))"))
                } else {
                    seen[id(entry)] = line
                    entries.append(entry)
                }
            }
        }
        return (entries, issues)
    }

    /// The slug in field `id`, e.g. `literacy`.
    static func slug(_ object: [String: Any], example: String) throws(FieldError) -> String {
        let id = try JSONFields(object).requiredString("id")
        guard id.range(of: #"^[a-z0-9][a-z0-9-]*$"#, options: .regularExpression) != nil else {
            throw FieldError(reason: "field 'id' must be a lower-case slug like '\(example)', got '\(id)'")
        }
        return id
    }

    /// The object `{"en": "…", "vi": "…"}` in field `key` (English required), NFC.
    static func bilingualName(_ object: [String: Any], key: String) throws(FieldError) -> Theme.Name {
        guard let names = object[key] as? [String: Any] else {
            throw FieldError(reason: "field '\(key)' must be an object like {\"en\": \"…\", \"vi\": \"…\"}")
        }
        let fields = JSONFields(names)
        let english: String
        do { english = try fields.requiredString("en") } catch { throw FieldError(reason: "field '\(key).en': \(error.reason)") }
        let vietnamese: String?
        do { vietnamese = try fields.string("vi") } catch { throw FieldError(reason: "field '\(key).vi' must be a string") }
        return Theme.Name(en: english.precomposedStringWithCanonicalMapping, vi: vietnamese?.precomposedStringWithCanonicalMapping)
    }

    /// The phrase lists by language in field `key` (`{"en": [...], "vi": [...]}`), NFC, at least one phrase.
    static func phraseLists(_ object: [String: Any], key: String, example: String, noun: String) throws(FieldError) -> [String: [String]] {
        guard let lists = object[key] as? [String: Any] else {
            throw FieldError(reason: "field '\(key)' must be an object of phrase lists by language, like \(example)")
        }
        var result: [String: [String]] = [:]
        for (lang, value) in lists {
            guard let list = value as? [Any], let phrases = list as? [String] else {
                throw FieldError(reason: "field '\(key).\(lang)' must be an array of strings")
            }
            let cleaned = phrases.map { $0.precomposedStringWithCanonicalMapping }
            if let blank = cleaned.firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                throw FieldError(reason: "field '\(key).\(lang)' has an empty phrase at index \(blank)")
            }
            result[lang] = cleaned
        }
        guard result.values.contains(where: { !$0.isEmpty }) else {
            throw FieldError(reason: "field '\(key)' has no phrase: \(noun)")
        }
        return result
    }
}
