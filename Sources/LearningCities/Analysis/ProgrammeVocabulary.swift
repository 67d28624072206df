import Foundation

/// The bilingual programme vocabulary documents are tagged with: themes
/// (UNESCO's Key Features of Learning Cities and cross-cutting topics) and
/// programme concepts with their English and Vietnamese forms.
///
/// The engine ships its own (`Resources/vocabulary`: `themes.jsonl`,
/// `concepts.jsonl`, `VERSION`), used for every corpus; a corpus's own
/// `themes.jsonl` and `concepts.jsonl` extend it, and an entry with the id of
/// a shipped one replaces it. The merged vocabulary is stored in the index
/// and is part of the indexing fingerprint: changing it re-tags every document.
public struct ProgrammeVocabulary: Sendable, Equatable {
    /// Themes.
    public var themes: ThemeVocabulary
    /// Programme concepts.
    public var concepts: ConceptVocabulary
    /// Version of the engine's vocabulary (`VERSION`), with `+corpus` when a corpus extended it.
    public var version: String

    /// A vocabulary of `themes` and `concepts`.
    public init(themes: ThemeVocabulary, concepts: ConceptVocabulary, version: String) {
        self.themes = themes
        self.concepts = concepts
        self.version = version
    }

    /// No theme and no concept.
    public static let empty = ProgrammeVocabulary(themes: ThemeVocabulary(themes: []),
                                                  concepts: ConceptVocabulary(concepts: []), version: "")

    /// The engine's own vocabulary, read once from the package's resources.
    /// Problems in the shipped files are a build defect; they are reported by
    /// `ProgrammeVocabulary.shippedIssues` (and the tests), and the valid lines are used.
    public static var shipped: ProgrammeVocabulary { loadedShipped.vocabulary }

    /// Problems found in the shipped vocabulary files (none in a good build).
    public static var shippedIssues: [CorpusIssue] { loadedShipped.issues }

    private static let loadedShipped = loadShipped()

    /// The shipped vocabulary extended (and overridden, id by id) by the
    /// corpus at `root`'s own `themes.jsonl` and `concepts.jsonl`, with the
    /// problems found in the corpus files.
    public static func read(corpus root: String) throws -> (vocabulary: ProgrammeVocabulary, issues: [CorpusIssue]) {
        let (themes, themeIssues) = try ThemeVocabulary.read(corpus: root)
        let conceptPath = (root as NSString).appendingPathComponent(ConceptVocabulary.fileName)
        var concepts = ConceptVocabulary(concepts: [])
        var conceptIssues: [CorpusIssue] = []
        if FileManager.default.fileExists(atPath: conceptPath) {
            (concepts, conceptIssues) = try ConceptVocabulary.read(path: conceptPath)
        }
        return (shipped.extended(themes: themes, concepts: concepts), themeIssues + conceptIssues)
    }

    /// This vocabulary with `themes` and `concepts` added; those with an id
    /// already present replace the present one in place.
    public func extended(themes extra: ThemeVocabulary, concepts extraConcepts: ConceptVocabulary) -> ProgrammeVocabulary {
        guard !extra.isEmpty || !extraConcepts.isEmpty else { return self }
        var mergedThemes = themes.themes
        for theme in extra.themes {
            if let index = mergedThemes.firstIndex(where: { $0.id == theme.id }) { mergedThemes[index] = theme } else { mergedThemes.append(theme) }
        }
        var mergedConcepts = concepts.concepts
        for concept in extraConcepts.concepts {
            if let index = mergedConcepts.firstIndex(where: { $0.id == concept.id }) {
                mergedConcepts[index] = concept
            } else {
                mergedConcepts.append(concept)
            }
        }
        return ProgrammeVocabulary(themes: ThemeVocabulary(themes: mergedThemes),
                                   concepts: ConceptVocabulary(concepts: mergedConcepts), version: version + "+corpus")
    }

    private static func loadShipped() -> (vocabulary: ProgrammeVocabulary, issues: [CorpusIssue]) {
        guard let folder = Bundle.module.url(forResource: "vocabulary", withExtension: nil)?.path else {
            return (.empty, [CorpusIssue(file: "vocabulary", line: nil, reason: "the engine's vocabulary is missing from the package resources")])
        }
        var issues: [CorpusIssue] = []
        var themes = ThemeVocabulary(themes: [])
        var concepts = ConceptVocabulary(concepts: [])
        do {
            (themes, issues) = try ThemeVocabulary.read(path: folder + "/" + ThemeVocabulary.fileName)
            let (read, conceptIssues) = try ConceptVocabulary.read(path: folder + "/" + ConceptVocabulary.fileName)
            concepts = read
            issues += conceptIssues
        } catch {
            issues.append(CorpusIssue(file: "vocabulary", line: nil, reason: "cannot read the engine's vocabulary: \(error)"))
        }
        let version = (try? String(contentsOfFile: folder + "/VERSION", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unversioned"
        return (ProgrammeVocabulary(themes: themes, concepts: concepts, version: version), issues)
    }
}
