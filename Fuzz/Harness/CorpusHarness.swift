import Foundation
import LearningCities

/// The same bytes as a corpus `.jsonl` file and as a scraped `.txt` article
/// → the corpus reader (line splitting, UTF-8 and JSON checks, field
/// validation, city links, duplicate ids) → document analysis (tokenizer,
/// accent folding, city gazetteer, theme tagging, language detection) with
/// the shipped cities, abbreviations and themes, read once. Bad input must
/// become corpus issues; the reader throwing, or analysis changing a
/// document's id, is a finding.
public final class CorpusHarness {
    private let root: String
    private let knownCities: Set<String>
    private let analyzer: DocumentAnalyzer

    /// A corpus folder with the shipped corpus's cities, abbreviations and themes.
    public init() throws {
        root = FuzzFixture.scratch("corpus")
        let shipped = FuzzFixture.root + "/corpus"
        try FileManager.default.createDirectory(atPath: root + "/documents", withIntermediateDirectories: true)
        for file in ["cities.jsonl", "abbreviations.jsonl", "themes.jsonl"] {
            try FileManager.default.copyItem(atPath: shipped + "/" + file, toPath: root + "/" + file)
        }
        let cities = try CorpusReader(root: root).readCities().cities
        knownCities = Set(cities.map(\.id))
        analyzer = DocumentAnalyzer(cities: cities, abbreviations: try AbbreviationList.read(corpus: root).list,
                                    vocabulary: try ProgrammeVocabulary.read(corpus: root).vocabulary)
    }

    /// Runs one input: written as `documents/fuzz.jsonl` and `documents/fuzz.txt`, then read and analysed.
    public func run(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        FuzzFixture.write(bytes, to: root + "/documents/fuzz.jsonl")
        FuzzFixture.write(bytes, to: root + "/documents/fuzz.txt")
        var finding: FuzzFinding?
        do {
            try CorpusReader(root: root).readDocuments(knownCities: knownCities, issue: { _ in }) { document in
                let analyzed = analyzer.analyze(document)
                if analyzed.stored.id != document.id, finding == nil {
                    finding = FuzzFinding("analysis changed the id of \(document.id)")
                }
            }
        } catch {
            throw FuzzFinding("reading the corpus threw instead of reporting issues: \(error)")
        }
        if let finding { throw finding }
    }
}
