import ArgumentParser
import Foundation
import LearningCities

/// `learncity`: search and partner recommendation for UNESCO learning cities.
@main
struct Learncity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learncity",
        abstract: "Search and partner recommendation for UNESCO learning cities (Vietnamese and English).",
        discussion: """
            Defaults: corpus ./corpus, index ./index (or LEARNCITY_CORPUS, LEARNCITY_INDEX).
            Exit status: 0 success, 1 failure (bad input, missing index...), 2 usage error.
            """,
        version: LearncityVersion.current,
        subcommands: [IndexCommand.self, SearchCommand.self, StatsCommand.self, RecommendCommand.self, CompareCommand.self, ServeCommand.self, MCPCommand.self, ReportCommand.self, MapCommand.self,
                      CompactCommand.self, ServeShardCommand.self]
    )

    /// Runs the command with learncity's exit codes: 2 for usage errors,
    /// 1 with one readable line for every other failure.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch let error as CleanExit {
            _ = error
            print(fullMessage(for: error))
            Foundation.exit(0)
        } catch let error where CLIErrorWording.message(for: error) != nil {
            Terminal.standardError.write("learncity: \(CLIErrorWording.message(for: error)!)\n")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.standardError.write(fullMessage(for: error) + "\n")
            if code == .validationFailure { Terminal.standardError.write(usageHint() + "\n") }
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }

    private static func usageHint() -> String {
        "Run 'learncity --help' for usage."
    }
}

/// A failure a command reports as one line, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}
