import Foundation
import XapianKit

/// How read commands reach shards: timeouts for remote ones, and whether a
/// search may go on without the shards that are down.
public struct ShardOptions: Sendable, Equatable {
    /// Search the shards that answer and report the others as unavailable.
    public var allowPartial = false
    /// Seconds a remote shard may take to answer one read.
    public var timeout: Double = 10
    /// Seconds allowed to connect to a remote shard.
    public var connectTimeout: Double = 5

    /// Options with the defaults (all shards required, 10 s / 5 s timeouts).
    public init(allowPartial: Bool = false, timeout: Double = 10, connectTimeout: Double = 5) {
        self.allowPartial = allowPartial
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}

/// Opens an index for reading: a plain database folder, a sharded index
/// folder (its `index.stub`) or a stub file. Stub lines are opened one by one
/// (remote ones with explicit timeouts) and combined with `add_database`;
/// the vocabulary database a sharded index lists comes last, so that its
/// tables serve every shard, remote ones included (`SharedVocabulary`).
public enum ShardConnector {
    /// The opened database and the shards that could not be reached.
    public struct Opened {
        /// All reachable shards searched as one (the engine's own: not public).
        let database: Database
        /// Shards left out (host:port or path); empty unless partial results were allowed.
        public let unavailable: [String]
        /// How many shards the stub lists (1 for a plain database).
        public let shardCount: Int
        /// The stub the shards came from (nil for a plain database).
        public var stub: ShardStub? = nil
    }

    /// Opens the index at `path`.
    public static func open(_ path: String, options: ShardOptions) throws -> Opened {
        guard let stubPath = ShardedIndexLayout.stubFile(for: path) else {
            do {
                return Opened(database: try Database(path: path), unavailable: [], shardCount: 1)
            } catch where error.kind == .databaseModified {
                // Opening reads the newest revision, so this is no writer's
                // doing unless one committed twice while it opened: try once
                // more; the same error again means a table block carries a
                // revision never committed here (overwritten bytes): damage.
                do { return Opened(database: try Database(path: path), unavailable: [], shardCount: 1) }
                catch where error.kind == .databaseModified { throw IndexError.damaged(path, detail: error.message) }
                catch { throw IndexError.from(error, path: path) }
            } catch {
                throw IndexError.from(error, path: path)
            }
        }
        try ShardStub.checkForLoops(stubPath)
        let stub: ShardStub
        do {
            stub = try ShardStub.read(from: stubPath)
        } catch let problem as ShardError {
            // A stub with lines learncity does not handle (e.g. `remote :PROG`): let Xapian open it.
            if let database = try? Database(path: stubPath) {
                return Opened(database: database, unavailable: [], shardCount: 1)
            }
            throw problem
        }
        var parts: [Database] = []
        var unavailable: [String] = []
        for entry in stub.entries + (stub.vocabulary.map { [.local($0)] } ?? []) {
            do {
                switch entry {
                case .local(let relative):
                    parts.append(try Database(path: ShardStub.resolve(relative, stubPath: stubPath)))
                case .remote(let host, let port):
                    parts.append(try Database(remoteHost: host, port: port, timeout: options.timeout,
                                              connectTimeout: options.connectTimeout))
                }
            } catch {
                guard options.allowPartial else {
                    throw ShardError.unavailable(shard: entry.description, reason: "\(error.message) (\(error.type))")
                }
                unavailable.append(entry.description)
            }
        }
        // The vocabulary database alone holds no documents: at least one shard must answer.
        let vocabularyOpened = stub.vocabulary != nil && !unavailable.contains(stub.vocabulary!)
        guard parts.count > (vocabularyOpened ? 1 : 0) else { throw ShardError.noneAvailable(unavailable) }
        do {
            return Opened(database: try Database(combining: parts), unavailable: unavailable,
                          shardCount: stub.entries.count, stub: stub)
        } catch {
            throw IndexError.from(error, path: path)
        }
    }
}
