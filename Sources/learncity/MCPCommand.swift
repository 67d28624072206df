import ArgumentParser
import Foundation
import LearncityMCP
import JSONRPC
import LearningCities

/// `learncity mcp`: the engine as a Model Context Protocol server over stdio.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve learncity to AI assistants: a Model Context Protocol server on stdin/stdout.",
        discussion: """
            Tools: search, recommend, city, cities. Resources: learncity://city/<id> and learncity://doc/<id>. \
            Prompts: find-partners, summarise-city, draft-partnership-email. Speaks MCP 2024-11-05 to 2025-11-25 \
            (initialize handshake) and 2026-07-28 (server/discover). Logs go to standard error; the session ends \
            when the client closes standard input. Register it in an MCP client as the command \
            `learncity mcp --index /path/to/index` (see the README).
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
            Terminal.standardError.write("learncity mcp: no index at \(path) yet; tool calls will say so until it is built\n")
        }
        let index = LiveIndex(path: location.path, reader: reader)
        let log: (String) -> Void = { Terminal.standardError.write("learncity mcp: \($0)\n") }
        let server = JSONRPCServer(dispatcher: MCPServer(index: index, version: LearncityVersion.current, log: log),
                                   maxLineBytes: maxLineBytes, log: log)
        switch server.run() {
        case .endOfInput, .shutdown, .outputClosed:
            return
        case .inputFailed(let code):
            throw CommandFailure(description: "mcp: cannot read standard input: \(String(cString: strerror(code)))")
        }
    }
}
