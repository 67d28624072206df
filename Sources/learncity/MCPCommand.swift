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

    @OptionGroup var options: LineServerOptions

    func run() throws {
        let (index, _) = try options.liveIndex(name: "mcp")
        let log: (String) -> Void = { Terminal.standardError.write("learncity mcp: \($0)\n") }
        let server = JSONRPCServer(dispatcher: MCPServer(index: index, version: LearncityVersion.current, log: log),
                                   maxLineBytes: options.maxLineBytes, log: log)
        try options.run(server, name: "mcp")
    }
}
