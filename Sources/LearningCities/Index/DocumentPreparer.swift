import XapianKit

/// How a source document becomes the Xapian document that stores it:
/// analysed, and fingerprinted so that an unchanged document is skipped,
/// with one set of cities, abbreviations and vocabulary: a corpus being
/// indexed (`CorpusIndexer`), or the ones stored in the index (`upsert`).
/// Both write paths use it, so a document is the same however it arrived.
struct DocumentPreparer: Sendable {
    let analyzer: DocumentAnalyzer
    let fingerprinter: DocumentFingerprinter

    /// A preparer with these cities, abbreviations and vocabulary.
    init(cities: [City], abbreviations: AbbreviationList, vocabulary: ProgrammeVocabulary) {
        analyzer = DocumentAnalyzer(cities: cities, abbreviations: abbreviations, vocabulary: vocabulary)
        fingerprinter = DocumentFingerprinter(cities: cities, abbreviations: abbreviations, vocabulary: vocabulary)
    }

    /// A preparer with the cities, abbreviations and vocabulary stored in the
    /// metadata of the index read by `view`.
    init(storedIn view: Database) throws {
        self.init(cities: IndexMetadata.decodeCities(try view.metadata(IndexMetadata.cities)),
                  abbreviations: IndexMetadata.decodeAbbreviations(try view.metadata(IndexMetadata.abbreviations)),
                  vocabulary: IndexMetadata.decodeVocabulary(view))
    }

    /// The fingerprint `source` is stored with.
    func fingerprint(of source: SourceDocument) -> String {
        fingerprinter.fingerprint(of: source)
    }

    /// The Xapian document for `source`, carrying `fingerprint` (that of
    /// `source` when nil).
    func document(for source: SourceDocument, fingerprint: String? = nil) -> Document {
        DocumentBuilder.document(for: analyzer.analyze(source), fingerprint: fingerprint ?? fingerprinter.fingerprint(of: source))
    }
}
