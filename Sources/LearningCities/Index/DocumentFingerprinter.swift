import Foundation

/// Tells whether a document must be re-indexed: a fingerprint of its source
/// fields and of everything its analysis depends on (the analysis version,
/// the cities and the abbreviations).
struct DocumentFingerprinter {
    private var base = Fingerprint()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    init(cities: [City], abbreviations: AbbreviationList) {
        base.add(TermSchema.analysisVersion)
        base.add(IndexMetadata.encode(cities))
        base.add(IndexMetadata.encode(abbreviations))
    }

    /// The fingerprint of `source`, as stored in `TermSchema.Slot.fingerprint`.
    func fingerprint(of source: SourceDocument) throws -> String {
        var fingerprint = base
        fingerprint.add(try encoder.encode(source))
        return fingerprint.hex
    }
}
