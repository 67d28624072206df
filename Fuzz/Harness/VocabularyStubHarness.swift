import Foundation
import LearningCities

/// The first byte picks the file, the rest is its content: 0 `themes.jsonl`
/// (the theme vocabulary), 1 `abbreviations.jsonl` (concept groups), 2
/// `cities.jsonl` (city names and aliases, the gazetteer's concepts), 3 a
/// Xapian stub file (`auto PATH`, `remote HOST:PORT`). Each is read as the
/// indexer reads it, then used: a document is analysed and a query
/// rewritten with it; a stub that parses and names only local databases is
/// opened and searched (remote lines are never dialled, and stubs learncity
/// does not parse are not handed to Xapian, which would spawn `remote
/// :PROGRAM`). Bad files must become issues or errors (CorpusError,
/// IndexError, ShardError); any other error is a finding.
public final class VocabularyStubHarness {
    private let corpus: String
    private let stubFolder: String
    private let cities: [City]
    private let abbreviations: AbbreviationList
    private let vocabulary: ProgrammeVocabulary
    /// An analyzer with the shipped vocabulary, whose taggers are reused
    /// when only the cities or the abbreviations change.
    private let analyzer: DocumentAnalyzer
    private let sample = SourceDocument(
        id: "news/fuzz", type: .news, title: "Thành phố học tập Sơn La và Hà Nội",
        body: "Lifelong learning for all: literacy, digital skills and green learning in Ha Noi, Son La and Cork. "
            + "Học tập suốt đời, xóa mù chữ và chuyển đổi số tại TP.HCM, UNESCO GNLC.")

    /// A corpus folder with the fixture's cities and the shipped vocabularies, and a folder holding a
    /// copy of the fixture index as `shard-000` for stubs to name.
    public init() throws {
        corpus = FuzzFixture.scratch("vocabulary")
        stubFolder = FuzzFixture.scratch("stub")
        let shipped = FuzzFixture.root + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus + "/documents", withIntermediateDirectories: true)
        // The fixture's few cities (the shipped 192 make every analyzer slow to build), the shipped vocabularies.
        try FileManager.default.copyItem(atPath: FuzzFixture.corpus + "/cities.jsonl", toPath: corpus + "/cities.jsonl")
        for file in ["abbreviations.jsonl", "themes.jsonl"] {
            try FileManager.default.copyItem(atPath: shipped + "/" + file, toPath: corpus + "/" + file)
        }
        try FileManager.default.copyItem(atPath: FuzzFixture.index, toPath: stubFolder + "/shard-000")
        cities = try CorpusReader(root: corpus).readCities().cities
        abbreviations = try AbbreviationList.read(corpus: corpus).list
        vocabulary = try ProgrammeVocabulary.read(corpus: corpus).vocabulary
        analyzer = DocumentAnalyzer(cities: cities, abbreviations: abbreviations, vocabulary: vocabulary)
    }

    /// Runs one input.
    public func run(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let selector = bytes.first else { return }
        let content = UnsafeBufferPointer(rebasing: bytes[1...])
        do {
            switch selector % 4 {
            case 0:
                FuzzFixture.write(content, to: corpus + "/themes.jsonl")
                let vocabulary = try ProgrammeVocabulary.read(corpus: corpus).vocabulary
                _ = DocumentAnalyzer(cities: cities, abbreviations: abbreviations, vocabulary: vocabulary).analyze(sample)
                _ = vocabulary.themes.suggestions(for: "literacy")
            case 1:
                FuzzFixture.write(content, to: corpus + "/abbreviations.jsonl")
                let abbreviations = try AbbreviationList.read(corpus: corpus).list
                let synonyms = SynonymDictionary(cities: cities, abbreviations: abbreviations)
                _ = QueryAnalyzer.analyze("UIL hoc tap suot doi TP.HCM Son La", synonyms: synonyms)
                _ = analyzer.replacing(cities: cities, abbreviations: abbreviations).analyze(sample)
            case 2:
                FuzzFixture.write(content, to: corpus + "/cities.jsonl")
                let cities = try CorpusReader(root: corpus).readCities().cities
                let directory = CityDirectory(cities: cities)
                _ = directory.suggestions(for: "Son La")
                _ = directory.matching("Hà Nội")
                let synonyms = SynonymDictionary(cities: cities, abbreviations: abbreviations)
                _ = QueryAnalyzer.analyze("hoc tap Son La Ha Noi", synonyms: synonyms)
                _ = analyzer.replacing(cities: cities, abbreviations: abbreviations).analyze(sample)
            default:
                let stubPath = stubFolder + "/index.stub"
                FuzzFixture.write(content, to: stubPath)
                guard let stub = try? ShardStub.read(from: stubPath) else { return }
                guard stub.entries.allSatisfy({ if case .local = $0 { return true } else { return false } }) else { return }
                do {
                    let reader = try IndexReader(path: stubFolder)
                    _ = try Searcher(index: reader).search(SearchRequest(query: "learning", limit: 2))
                } catch is IndexError {
                } catch is ShardError {
                }
            }
        } catch is CorpusError {
        } catch {
            throw FuzzFinding("unexpected error: \(error)")
        }
    }
}
