import Foundation
import FuzzSupport
import LearningCities

/// A corpus folder with the fixture's cities and the shipped vocabularies, and a folder holding a
/// copy of the fixture index as `shard-000` for stubs to name.
struct VocabularyScratch {
    let corpus: String
    let stubFolder: String
    let cities: [City]
    let abbreviations: AbbreviationList
    let vocabulary: ProgrammeVocabulary
    let sample = SourceDocument(
        id: "news/fuzz", type: .news, title: "Thành phố học tập Sơn La và Hà Nội",
        body: "Lifelong learning for all: literacy, digital skills and green learning in Ha Noi, Son La and Cork. "
            + "Học tập suốt đời, xóa mù chữ và chuyển đổi số tại TP.HCM, UNESCO GNLC.")

    init() {
        corpus = FuzzFixture.scratch("vocabulary")
        stubFolder = FuzzFixture.scratch("stub")
        let shipped = FuzzFixture.root + "/corpus"
        try! FileManager.default.createDirectory(atPath: corpus + "/documents", withIntermediateDirectories: true)
        // The fixture's few cities (the shipped 192 make every analyzer slow to build), the shipped vocabularies.
        try! FileManager.default.copyItem(atPath: FuzzFixture.corpus + "/cities.jsonl", toPath: corpus + "/cities.jsonl")
        for file in ["abbreviations.jsonl", "themes.jsonl"] {
            try! FileManager.default.copyItem(atPath: shipped + "/" + file, toPath: corpus + "/" + file)
        }
        try! FileManager.default.copyItem(atPath: FuzzFixture.index, toPath: stubFolder + "/shard-000")
        cities = try! CorpusReader(root: corpus).readCities().cities
        abbreviations = try! AbbreviationList.read(corpus: corpus).list
        vocabulary = try! ProgrammeVocabulary.read(corpus: corpus).vocabulary
    }
}

nonisolated(unsafe) let scratch = VocabularyScratch()

/// Fuzz target: the first byte picks the file, the rest is its content:
/// 0 `themes.jsonl` (the theme vocabulary), 1 `abbreviations.jsonl` (concept
/// groups), 2 `cities.jsonl` (city names and aliases, the gazetteer's
/// concepts), 3 a Xapian stub file (`auto PATH`, `remote HOST:PORT`). Each
/// is read as the indexer reads it, then used: a document is analysed and a
/// query rewritten with it; a stub that parses and names only local
/// databases is opened (remote lines are never dialled, and stubs learncity
/// does not parse are not handed to Xapian, which would spawn `remote
/// :PROGRAM`). Bad files must become issues or errors; a crash, a hang or a
/// sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVocabularyAndStub(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let content = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(start: data, count: size)[1...])
    do {
        switch data[0] % 4 {
        case 0:
            FuzzFixture.write(content, to: scratch.corpus + "/themes.jsonl")
            let vocabulary = try ProgrammeVocabulary.read(corpus: scratch.corpus).vocabulary
            _ = DocumentAnalyzer(cities: scratch.cities, abbreviations: scratch.abbreviations, vocabulary: vocabulary).analyze(scratch.sample)
            _ = vocabulary.themes.suggestions(for: "literacy")
        case 1:
            FuzzFixture.write(content, to: scratch.corpus + "/abbreviations.jsonl")
            let abbreviations = try AbbreviationList.read(corpus: scratch.corpus).list
            let synonyms = SynonymDictionary(cities: scratch.cities, abbreviations: abbreviations)
            _ = QueryAnalyzer.analyze("UIL hoc tap suot doi TP.HCM Son La", synonyms: synonyms)
            _ = DocumentAnalyzer(cities: scratch.cities, abbreviations: abbreviations, vocabulary: scratch.vocabulary).analyze(scratch.sample)
        case 2:
            FuzzFixture.write(content, to: scratch.corpus + "/cities.jsonl")
            let cities = try CorpusReader(root: scratch.corpus).readCities().cities
            let directory = CityDirectory(cities: cities)
            _ = directory.suggestions(for: "Son La")
            _ = directory.matching("Hà Nội")
            let synonyms = SynonymDictionary(cities: cities, abbreviations: scratch.abbreviations)
            _ = QueryAnalyzer.analyze("hoc tap Son La Ha Noi", synonyms: synonyms)
            _ = DocumentAnalyzer(cities: cities, abbreviations: scratch.abbreviations, vocabulary: scratch.vocabulary).analyze(scratch.sample)
        default:
            let stubPath = scratch.stubFolder + "/index.stub"
            FuzzFixture.write(content, to: stubPath)
            guard let stub = try? ShardStub.read(from: stubPath) else { return 0 }
            guard stub.entries.allSatisfy({ if case .local = $0 { return true } else { return false } }) else { return 0 }
            do {
                let reader = try IndexReader(path: scratch.stubFolder)
                _ = try Searcher(index: reader).search(SearchRequest(query: "learning", limit: 2))
            } catch is IndexError {
            } catch is ShardError {
            }
        }
    } catch is CorpusError {
    } catch {
        FuzzFixture.finding("unexpected error: \(error)")
    }
    return 0
}

/// The executable's entry point (see FuzzDriver).
@_cdecl("fuzz_vocab_stub_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzVocabularyAndStub)
}
