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
            Methods: search, recommend, compare, city, cities, report, stats, version, upsert, delete, shutdown \
            (see docs/serve.md). Reads are answered by several threads at once, each with its own view of the \
            index, so answers may come in another order than the requests: match them by id (or pass --ordered). \
            A write (upsert, delete) waits for the requests before it and is seen by every request after it. \
            Logs go to standard error. The index may be rebuilt by another process while serving: every \
            request reads the latest committed revision. Exit status 0 at end of input or after shutdown.
            Example:
              printf '%s\\n' '{"jsonrpc":"2.0","id":1,"method":"search","params":{"query":"hoc tap","limit":3}}' | learncity serve
            """)

    @OptionGroup var options: LineServerOptions

    @Option(name: .long, help: ArgumentHelp("Threads answering requests, each with its own open index (default: the number of cores).",
                                            valueName: "n"))
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Send answers in request order (by default each goes out when it is ready).")
    var ordered = false

    func validate() throws {
        guard (1...256).contains(workers) else { throw ValidationError("--workers must be between 1 and 256, not \(workers)") }
    }

    func run() throws {
        let (_, reader) = try options.liveIndex(name: "serve")
        let path = options.location.path
        let shardOptions = options.shardOptions
        let server = JSONRPCWorkerServer(
            workers: workers, ordered: ordered, concurrentMethods: RequestDispatcher.readMethods,
            maxLineBytes: options.maxLineBytes,
            log: { message in Terminal.standardError.write("learncity serve: \(message)\n") },
            makeMethods: { RequestDispatcher(index: LiveIndex(path: path, shardOptions: shardOptions)) })
        if let reader {
            Terminal.standardError.write("learncity serve: ready on \(path) (\((try? reader.documentCount()) ?? 0) documents, "
                                         + "\(workers) worker\(workers == 1 ? "" : "s"))\n")
        }
        try options.exit(server.run(), name: "serve")
    }
}
