import ArgumentParser
import Foundation
import LearningCities

/// Hidden: prints every token of every document of a flat JSONL file (and of
/// its accent-folded copy), so an optimisation of the analysis can be checked
/// to give byte-identical output before and after (`diff`).
struct AnalysisDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analysis-dump", abstract: "Internal: dump tokens for before/after comparison.", shouldDisplay: false)

    @Option var input: String

    func run() throws {
        guard let handle = FileHandle(forReadingAtPath: input) else { throw BenchFailure(description: "cannot read \(input)") }
        var lines = ChunkedLines(handle: handle)
        let tokenizer = Tokenizer()
        var output = ""
        while let line = lines.next() {
            guard let document = try? JSONDecoder().decode(BenchCorpus.FlatDocument.self, from: line) else { continue }
            for text in [document.title, document.body, AccentFolder.fold(document.body),
                         document.body.decomposedStringWithCanonicalMapping] {
                for token in tokenizer.tokens(of: text) {
                    output += "\(token.exact)|\(token.folded)|\(token.key)|\(token.capitalized)|\(token.startsClause)\n"
                }
                output += "--\n"
            }
            output += "#\(TonePlacement.canonical(document.title.lowercased()))|\(LanguageDetector.detect(document.body))\n"
            if output.utf8.count > 1 << 20 { FileHandle.standardOutput.write(Data(output.utf8)); output = "" }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
