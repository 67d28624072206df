import Foundation

/// Tells whether a document must be re-indexed: a fingerprint of its source
/// fields and of everything its analysis depends on (the analysis version,
/// the cities, the abbreviations and the programme vocabulary, themes and
/// concepts: a changed vocabulary re-tags every document).
struct DocumentFingerprinter: Sendable {
    private var base = Fingerprint()

    init(cities: [City], abbreviations: AbbreviationList, vocabulary: ProgrammeVocabulary) {
        base.add(TermSchema.analysisVersion)
        base.add(IndexMetadata.encode(cities))
        base.add(IndexMetadata.encode(abbreviations))
        base.add(vocabulary.version)
        base.add(IndexMetadata.encode(vocabulary.themes.themes))
        base.add(IndexMetadata.encode(vocabulary.concepts.concepts))
    }

    /// The fingerprint of `source`, as stored in `TermSchema.Slot.fingerprint`.
    func fingerprint(of source: SourceDocument) -> String {
        var fingerprint = base
        fingerprint.add(source)
        return fingerprint.hex
    }
}
