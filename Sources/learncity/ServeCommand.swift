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

    @OptionGroup var options: LineServerOptions

    func run() throws {
        let (index, reader) = try options.liveIndex(name: "serve")
        let dispatcher = RequestDispatcher(index: index)
        let server = JSONRPCServer(dispatcher: dispatcher, maxLineBytes: options.maxLineBytes) { message in
            Terminal.standardError.write("learncity serve: \(message)\n")
        }
        if let reader {
            let documents = (try? reader.documentCount()) ?? 0
            Terminal.standardError.write("learncity serve: ready on \(options.location.path) (\(documents) documents)\n")
        }
        try options.run(server, name: "serve")
    }
}
