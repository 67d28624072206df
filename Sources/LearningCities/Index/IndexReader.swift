import Foundation
import XapianKit

/// An open index for reading: the Xapian database (a folder, a sharded
/// index folder or a stub file listing shards, local or remote) and the
/// cities stored in its metadata. Moves to newer revisions with `refresh()`.
///
/// One per thread, and the compiler holds it there (it is not `Sendable`):
/// a Xapian `Database` must not be used by two threads at once, and the
/// values below that are decoded on first use (`synonyms`, `themes`,
/// `concepts`, `derived(_:_:)`) are a memo of the current revision, owned by
/// the reader's thread, emptied by `refresh()` when the revision changes.
/// A server that answers on several threads opens one reader per thread.
public final class IndexReader {
    /// Where it was opened from.
    public let path: String
    /// How shards are reached.
    public let shardOptions: ShardOptions
    /// The Xapian database (every reachable shard searched as one). Inside
    /// the engine only: the layers above ask the reader (or the engine's
    /// searchers and catalogs) for what they need, never Xapian itself.
    private(set) var database: Database
    /// The cities of the corpus the index was built from.
    public private(set) var cities: CityDirectory
    /// City names and abbreviations as concepts, for query rewriting (built on first use).
    public var synonyms: SynonymDictionary {
        if let cachedSynonyms { return cachedSynonyms }
        let abbreviations = IndexMetadata.decodeAbbreviations((try? database.metadata(IndexMetadata.abbreviations)) ?? [])
        let dictionary = SynonymDictionary(cities: cities.all, abbreviations: abbreviations)
        cachedSynonyms = dictionary
        return dictionary
    }
    private var cachedSynonyms: SynonymDictionary?
    /// Values the layers above derive from this revision of the index (a
    /// search's stopword answers, recommendation stop terms…), keyed by a
    /// name their layer owns. Explicit state: filled by `derived(_:_:)`,
    /// emptied when `refresh()` moves to a new revision. Not locked: a reader
    /// belongs to one thread.
    private var derivedValues: [String: Any] = [:]

    /// The value derived from this revision under `key`, built by `build` on
    /// first use and kept until the revision changes.
    public func derived<Value>(_ key: String, _ build: () throws -> Value) rethrows -> Value {
        if let known = derivedValues[key] as? Value { return known }
        let value = try build()
        derivedValues[key] = value
        return value
    }
    /// The theme vocabulary the documents were tagged with (empty when the corpus had none),
    /// decoded on first use (searches never need it) and forgotten when the revision changes.
    public var themes: ThemeVocabulary {
        if let cachedThemes { return cachedThemes }
        let vocabulary = IndexMetadata.decodeThemes((try? database.metadata(IndexMetadata.themes)) ?? [])
        cachedThemes = vocabulary
        return vocabulary
    }
    private var cachedThemes: ThemeVocabulary?
    /// The programme concepts the documents were tagged with (`XP` terms), decoded on first use.
    public var concepts: ConceptVocabulary {
        if let cachedConcepts { return cachedConcepts }
        let vocabulary = IndexMetadata.decodeConcepts((try? database.metadata(IndexMetadata.concepts)) ?? [])
        cachedConcepts = vocabulary
        return vocabulary
    }
    private var cachedConcepts: ConceptVocabulary?
    /// Shards left out because they could not be reached (only with
    /// `allowPartial`); results are then partial.
    public private(set) var unavailableShards: [String]
    /// How many shards the index has (1 for a single database).
    public private(set) var shardCount: Int
    private var stub: ShardStub?

    /// Opens the index at `path`.
    public init(path: String, shardOptions: ShardOptions = ShardOptions()) throws {
        self.path = path
        self.shardOptions = shardOptions
        guard FileManager.default.fileExists(atPath: path) else { throw IndexError.notFound(path) }
        let opened = try ShardConnector.open(path, options: shardOptions)
        database = opened.database
        unavailableShards = opened.unavailable
        shardCount = opened.shardCount
        stub = opened.stub
        cities = CityDirectory(cities: [])
        try loadCities()
    }

    /// How many documents the index holds (every reachable shard).
    public func documentCount() throws -> Int {
        do {
            return try database.documentCount()
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    /// Moves to the latest committed revision; true when it changed. When the
    /// shards themselves were replaced (e.g. by `learncity compact`), opens
    /// them afresh.
    @discardableResult
    public func refresh() throws -> Bool {
        if let stubPath = ShardedIndexLayout.stubFile(for: path), let stub = try? ShardStub.read(from: stubPath),
           stub != self.stub {
            try reconnect()
            return true
        }
        let changed: Bool
        do {
            changed = try database.reopen()
        } catch {
            switch error.kind {
            case .network, .networkTimeout:
                throw try shardFailure(error)
            case .databaseOpening, .databaseNotFound, .databaseCorrupt:
                try reconnect()
                return true
            default:
                throw IndexError.from(error, path: path)
            }
        }
        guard changed else { return false }
        try loadCities()
        return true
    }

    /// Opens every shard again (after a shard went down or came back).
    public func reconnect() throws {
        let opened = try ShardConnector.open(path, options: shardOptions)
        database = opened.database
        unavailableShards = opened.unavailable
        shardCount = opened.shardCount
        stub = opened.stub
        try loadCities()
    }

    /// Loads the cities, themes and concepts stored in the index and forgets what was derived from them.
    private func loadCities() throws {
        let stored: [UInt8]
        do {
            stored = try database.metadata(IndexMetadata.cities)
        } catch where error.kind == .databaseModified {
            // Two commits since this revision was opened: read the newest.
            // With no newer revision no writer is to blame: a table block
            // carries a revision that was never committed here (overwritten
            // bytes), so the index is damaged.
            guard (try? database.reopen()) == true else { throw IndexError.damaged(path, detail: error.message) }
            do {
                stored = try database.metadata(IndexMetadata.cities)
            } catch {
                throw error.kind == .databaseModified ? IndexError.damaged(path, detail: error.message) : IndexError.from(error, path: path)
            }
        } catch {
            throw IndexError.from(error, path: path)
        }
        cities = CityDirectory(cities: IndexMetadata.decodeCities(stored))
        cachedThemes = nil
        cachedConcepts = nil
        cachedSynonyms = nil
        derivedValues = [:]
    }

    /// Runs `body`, and once more on a fresh revision if the one being read
    /// was overwritten by a writer meanwhile (Xapian's DatabaseModifiedError).
    /// A remote shard that fails during `body` is named in a `ShardError`;
    /// with `allowPartial` the others are searched again without it.
    public func withRetry<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as XapianError where error.kind == .databaseModified {
            // A writer committed twice meanwhile: answer from the newest
            // revision. With no newer revision, or the same error on it, no
            // writer is to blame: the index is damaged (see `loadCities`).
            guard try refresh() else { throw IndexError.damaged(path, detail: error.message) }
            do {
                return try body()
            } catch let again as XapianError where again.kind == .databaseModified {
                throw IndexError.damaged(path, detail: again.message)
            }
        } catch let error as XapianError where error.kind == .network || error.kind == .networkTimeout {
            if shardOptions.allowPartial {
                try reconnect()
                return try body()
            }
            throw try shardFailure(error)
        }
    }

    /// The error to report for a network failure: the first shard that no
    /// longer answers, found by opening each again.
    private func shardFailure(_ error: XapianError) throws -> Error {
        var probe = shardOptions
        probe.allowPartial = true
        if let opened = try? ShardConnector.open(path, options: probe), let down = opened.unavailable.first {
            return ShardError.unavailable(shard: down, reason: "\(error.message) (\(error.type))")
        }
        return IndexError.from(error, path: path)
    }

    /// True when `path` holds a Xapian database (a folder, a sharded index
    /// folder or a stub file).
    public static func exists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if !isDirectory.boolValue { return true }
        if ShardedIndexLayout.isSharded(path) { return true }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return files.contains { $0 == "iamglass" || $0 == "iamchert" || $0 == "XAPIANDB" }
    }
}

/// A reader belongs to the thread that opened it (see `IndexReader`).
@available(*, unavailable)
extension IndexReader: Sendable {}
