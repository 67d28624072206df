import Foundation

/// Tells whether a document must be re-indexed: a fingerprint of its source
/// fields and of everything its analysis depends on (the analysis version,
/// the cities, the abbreviations and the theme vocabulary: a changed
/// vocabulary re-tags every document).
struct DocumentFingerprinter {
    private var base = Fingerprint()

    init(cities: [City], abbreviations: AbbreviationList, themes: ThemeVocabulary) {
        base.add(TermSchema.analysisVersion)
        base.add(IndexMetadata.encode(cities))
        base.add(IndexMetadata.encode(abbreviations))
        base.add(IndexMetadata.encode(themes.themes))
    }

    /// The fingerprint of `source`, as stored in `TermSchema.Slot.fingerprint`.
    func fingerprint(of source: SourceDocument) -> String {
        var fingerprint = base
        fingerprint.add(source)
        return fingerprint.hex
    }
}
