import Foundation
import FuzzSupport
import LearningCities

/// A corpus folder with the shipped corpus's cities, abbreviations and
/// themes, and the analyzer built from them.
struct CorpusScratch {
    let root: String
    let knownCities: Set<String>
    let analyzer: DocumentAnalyzer

    init() {
        root = FuzzFixture.scratch("corpus")
        let shipped = FuzzFixture.root + "/corpus"
        try! FileManager.default.createDirectory(atPath: root + "/documents", withIntermediateDirectories: true)
        for file in ["cities.jsonl", "abbreviations.jsonl", "themes.jsonl"] {
            try! FileManager.default.copyItem(atPath: shipped + "/" + file, toPath: root + "/" + file)
        }
        let reader = CorpusReader(root: root)
        let cities = try! reader.readCities().cities
        knownCities = Set(cities.map(\.id))
        analyzer = DocumentAnalyzer(cities: cities, abbreviations: try! AbbreviationList.read(corpus: root).list,
                                    vocabulary: try! ProgrammeVocabulary.read(corpus: root).vocabulary)
    }
}

nonisolated(unsafe) let scratch = CorpusScratch()

/// Fuzz target: the same bytes as a corpus `.jsonl` file and as a scraped
/// `.txt` article → the corpus reader (line splitting, UTF-8 and JSON
/// checks, field validation, city links, duplicate ids) → document analysis
/// (tokenizer, accent folding, city gazetteer, theme tagging, language
/// detection). Bad input must become corpus issues; a crash, a hang or a
/// sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCorpus(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    FuzzFixture.write(bytes, to: scratch.root + "/documents/fuzz.jsonl")
    FuzzFixture.write(bytes, to: scratch.root + "/documents/fuzz.txt")
    do {
        try CorpusReader(root: scratch.root).readDocuments(knownCities: scratch.knownCities, issue: { _ in }) { document in
            let analyzed = scratch.analyzer.analyze(document)
            if analyzed.stored.id != document.id { FuzzFixture.finding("analysis changed the id of \(document.id)") }
        }
    } catch {
        FuzzFixture.finding("reading the corpus threw instead of reporting issues: \(error)")
    }
    return 0
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_corpus_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzCorpus)
}
