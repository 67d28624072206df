import ArgumentParser
import Foundation
import JSONRPC
import LearncityServe
import LearningCities

/// `learncity serve`: JSON-RPC 2.0 over standard input and output.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer JSON-RPC 2.0 requests on stdin, one per line, with one response line each on stdout.",
        discussion: """
            Methods: search, recommend, city, cities, stats, version, upsert, delete, shutdown (see docs/serve.md). \
            Logs go to standard error. The index may be rebuilt by another process while serving: every \
            request reads the latest committed revision. Exit status 0 at end of input or after shutdown.
            Example:
              printf '%s\\n' '{"jsonrpc":"2.0","id":1,"method":"search","params":{"query":"hoc tap","limit":3}}' | learncity serve
            """)

    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: ArgumentHelp("Longest request line accepted, in bytes.", valueName: "bytes"))
    var maxLineBytes = 1 << 20

    func validate() throws {
        guard maxLineBytes >= 1024 else { throw ValidationError("--max-line-bytes must be at least 1024") }
    }

    func run() throws {
        var reader: IndexReader?
        do {
            reader = try location.open()
        } catch IndexError.missing(let path) {
            // Serve anyway: requests are answered with "index unavailable" until the index appears.
            Terminal.standardError.write("learncity serve: no index at \(path) yet; requests will fail with -32002 until it is built\n")
        } catch let error as IndexError where error.isUnreadable {
            // Serve anyway: requests are answered with -32002 and the reason until the index is rebuilt or readable.
            Terminal.standardError.write("learncity serve: \(CLIErrorWording.message(for: error) ?? error.description); "
                                         + "requests will fail with -32002 until then\n")
        }
        let index = LiveIndex(path: location.path, reader: reader)
        let dispatcher = RequestDispatcher(index: index)
        let server = JSONRPCServer(dispatcher: dispatcher, maxLineBytes: maxLineBytes) { message in
            Terminal.standardError.write("learncity serve: \(message)\n")
        }
        if let reader {
            let documents = (try? reader.database.documentCount()) ?? 0
            Terminal.standardError.write("learncity serve: ready on \(location.path) (\(documents) documents)\n")
        }
        switch server.run() {
        case .endOfInput, .shutdown, .outputClosed:
            return
        case .inputFailed(let code):
            throw CommandFailure(description: "serve: cannot read standard input: \(String(cString: strerror(code)))")
        }
    }
}
