import Foundation

/// A corpus read and checked once for an indexing run: its cities,
/// abbreviations and theme vocabulary, the analyzer and fingerprinter built
/// from them, and (with `strict`) the proof that every line is valid
/// before anything is written. Shared by every writer of the run.
struct PreparedCorpus: Sendable {
    let reader: CorpusReader
    let cities: [City]
    let abbreviations: AbbreviationList
    /// The engine's vocabulary extended by the corpus's own.
    let vocabulary: ProgrammeVocabulary
    let knownCities: Set<String>
    /// Source documents to Xapian documents, with this corpus's cities,
    /// abbreviations and vocabulary.
    let preparer: DocumentPreparer
    /// Problems in the corpus-wide files (cities, abbreviations, themes).
    let fileIssues: [CorpusIssue]

    /// Reads the corpus-wide files of `corpusPath`; with `strict`, also checks
    /// every document and throws `CorpusError.strict` (after reporting each
    /// problem to `issue`) when anything is wrong.
    init(corpusPath: String, strict: Bool, issue: (CorpusIssue) -> Void) throws {
        reader = CorpusReader(root: corpusPath)
        let (cities, cityIssues) = try reader.readCities()
        let (abbreviations, abbreviationIssues) = try AbbreviationList.read(corpus: corpusPath)
        let (vocabulary, themeIssues) = try ProgrammeVocabulary.read(corpus: corpusPath)
        self.cities = cities
        self.abbreviations = abbreviations
        self.vocabulary = vocabulary
        knownCities = Set(cities.map(\.id))
        fileIssues = cityIssues + abbreviationIssues + themeIssues
        if strict {
            var problems = fileIssues
            try reader.readDocuments(knownCities: knownCities, issue: { problems.append($0) }) { _ in }
            guard problems.isEmpty else {
                problems.forEach(issue)
                throw CorpusError.strict(problems)
            }
        }
        preparer = DocumentPreparer(cities: cities, abbreviations: abbreviations, vocabulary: vocabulary)
    }

    /// Every valid document, in corpus order; bad lines go to `issue`.
    func readDocuments(issue: (CorpusIssue) -> Void, _ body: (SourceDocument) throws -> Void) throws {
        try reader.readDocuments(knownCities: knownCities, issue: issue, body)
    }

    /// The concepts (cities, abbreviations) of the synonym table.
    var synonyms: SynonymDictionary { SynonymDictionary(cities: cities, abbreviations: abbreviations) }
}
