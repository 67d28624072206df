import ArgumentParser
import Foundation
import JSONRPC
import LearningCities

/// What `serve` and `mcp` share: the index to serve, the line cap, and how
/// each starts (before its index exists, or while it is unreadable) and stops.
struct LineServerOptions: ParsableArguments {
    @OptionGroup var location: IndexLocationOptions

    @Option(name: .long, help: ArgumentHelp("Longest request line accepted, in bytes.", valueName: "bytes"))
    var maxLineBytes = 1 << 20

    func validate() throws {
        guard maxLineBytes >= 1024 else { throw ValidationError("--max-line-bytes must be at least 1024") }
    }

    /// The index to serve, opened when it can be: a missing or unreadable index,
    /// or a shard that is down, is said on standard error (as `name`) and
    /// requests fail until it is built (or the shard answers).
    func liveIndex(name: String) throws -> (index: LiveIndex, reader: IndexReader?) {
        var reader: IndexReader?
        do {
            reader = try location.open()
        } catch IndexError.missing(let path) {
            Terminal.standardError.write("learncity \(name): no index at \(path) yet; requests will fail until it is built\n")
        } catch let error as IndexError where error.isUnreadable {
            Terminal.standardError.write("learncity \(name): \(CLIErrorWording.message(for: error) ?? error.description); "
                                         + "requests will fail until then\n")
        } catch let error as ShardError {
            switch error {
            case .unavailable, .noneAvailable:
                // A shard that is down may come back: serve, and answer -32002 naming it until then.
                Terminal.standardError.write("learncity \(name): \(CLIErrorWording.message(for: error) ?? error.description); "
                                             + "requests will fail until it answers\n")
            default:
                throw error
            }
        }
        return (LiveIndex(path: location.path, shardOptions: shardOptions, reader: reader), reader)
    }

    /// How the served index's shards are reached (`--allow-partial`).
    var shardOptions: ShardOptions {
        ShardOptions(allowPartial: location.allowPartial)
    }

    /// Runs `server` until its input ends; a failing input is a one-line failure.
    func run(_ server: JSONRPCServer, name: String) throws {
        try exit(server.run(), name: name)
    }

    /// Ends a server that returned `exit`: quietly, or with a one-line failure when its input failed.
    func exit(_ exit: JSONRPCServer.Exit, name: String) throws {
        switch exit {
        case .endOfInput, .shutdown, .outputClosed:
            return
        case .inputFailed(let code):
            throw CommandFailure(description: "\(name): cannot read standard input: \(String(cString: strerror(code)))")
        }
    }
}
