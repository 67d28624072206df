import Foundation
import XapianKit

/// An open index for reading: the Xapian database (a folder or a stub file
/// listing shards) and the cities stored in its metadata. Moves to newer
/// revisions with `refresh()`. One per thread.
public final class IndexReader {
    /// Where it was opened from.
    public let path: String
    /// The Xapian database.
    public let database: Database
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
    /// Single-word stopwords frequent enough in this index to drop from queries (computed on first use).
    public var queryStopwords: [String] {
        if let cachedStopwords { return cachedStopwords }
        let stopwords = QueryStopper.frequentStopwords(in: database)
        cachedStopwords = stopwords
        return stopwords
    }
    private var cachedStopwords: [String]?
    /// The theme vocabulary the documents were tagged with (empty when the corpus had none).
    public private(set) var themes: ThemeVocabulary

    /// Opens the index at `path`.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else { throw IndexError.missing(path) }
        do {
            database = try Database(path: path)
            cities = CityDirectory(cities: IndexMetadata.decodeCities(try database.metadata(IndexMetadata.cities)))
            themes = IndexMetadata.decodeThemes(try database.metadata(IndexMetadata.themes))
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    /// Moves to the latest committed revision; true when it changed.
    @discardableResult
    public func refresh() throws -> Bool {
        do {
            guard try database.reopen() else { return false }
            cities = CityDirectory(cities: IndexMetadata.decodeCities(try database.metadata(IndexMetadata.cities)))
            themes = IndexMetadata.decodeThemes(try database.metadata(IndexMetadata.themes))
            cachedSynonyms = nil
            cachedStopwords = nil
            return true
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    /// Runs `body`, and once more on a fresh revision if the one being read
    /// was overwritten by a writer meanwhile (Xapian's DatabaseModifiedError).
    public func withRetry<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as XapianError where error.kind == .databaseModified {
            try refresh()
            return try body()
        }
    }

    /// True when `path` holds a Xapian database (a folder or a stub file).
    public static func exists(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return false }
        if !isDirectory.boolValue { return true }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return files.contains { $0 == "iamglass" || $0 == "iamchert" || $0 == "XAPIANDB" }
    }
}
