import Foundation
import FuzzHarness
import Testing

/// Every input a fuzz target ever stopped on (`Fuzz/regressions/TARGET/`),
/// replayed through the same harness the target runs (Fuzz/Harness), in the
/// normal build: a finding that comes back fails here (a crash stops the
/// test process). The query and rpc seeds are replayed too, so the harnesses
/// themselves are checked on every run. `scripts/fuzz` replays the same
/// inputs under the sanitizers before fuzzing.
@Suite(.serialized)
struct FuzzRegressionTests {
    /// One saved input: where it comes from and its bytes.
    struct Input: CustomStringConvertible {
        let description: String
        let bytes: [UInt8]
    }

    /// The saved findings of `target`, by file name.
    static func findings(of target: String) throws -> [Input] {
        let folder = FuzzFixture.root + "/Fuzz/regressions/" + target
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            Input(description: "Fuzz/regressions/\(target)/\(name)",
                  bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    /// Each line of a seed file in Fuzz/seeds, after `prefix` (as scripts/fuzz seeds them).
    static func seedLines(_ file: String, prefix: [UInt8] = []) throws -> [Input] {
        let text = try String(contentsOfFile: FuzzFixture.root + "/Fuzz/seeds/" + file, encoding: .utf8)
        return text.split(separator: "\n").enumerated().map { number, line in
            Input(description: "Fuzz/seeds/\(file):\(number + 1)", bytes: prefix + Array(line.utf8))
        }
    }

    /// Runs every input through `run`; each finding is recorded with its input's name.
    func replay(_ inputs: [Input], _ run: (UnsafeBufferPointer<UInt8>) throws -> Void) {
        for input in inputs {
            do {
                try input.bytes.withUnsafeBufferPointer { try run($0) }
            } catch {
                Issue.record("\(input): \(error)")
            }
        }
    }

    @Test func queryInputsSearchWithoutFindings() throws {
        let inputs = try Self.findings(of: "query") + Self.seedLines("queries.txt", prefix: [0x0b]) + Self.seedLines("queries.txt", prefix: [0x3f])
        #expect(inputs.count > 10)
        replay(inputs, try QueryHarness().run)
    }

    @Test func rpcInputsAnswerOneJSONLineEach() throws {
        let inputs = try Self.findings(of: "rpc") + Self.seedLines("rpc.jsonl")
        #expect(inputs.count > 10)
        replay(inputs, RPCHarness().run)
    }

    @Test func corpusFindingsStayFixed() throws {
        let inputs = try Self.findings(of: "corpus")
        #expect(!inputs.isEmpty)
        replay(inputs, try CorpusHarness().run)
    }

    @Test func vocabularyAndStubFindingsStayFixed() throws {
        let inputs = try Self.findings(of: "vocab-stub")
        #expect(!inputs.isEmpty)
        replay(inputs, try VocabularyStubHarness().run)
    }
}
