import Foundation

/// Keys of the metadata learncity keeps inside the Xapian database, so that
/// the read side needs nothing but the index.
public enum IndexMetadata {
    /// JSON array of every `City` of the corpus.
    public static let cities = "learncity:cities"
    /// `TermSchema.analysisVersion` the index was built with.
    public static let analysisVersion = "learncity:analysis"

    /// Encodes cities for the metadata.
    static func encode(_ cities: [City]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(cities)).map { [UInt8]($0) } ?? []
    }

    /// Decodes cities from the metadata (none when absent or unreadable).
    static func decodeCities(_ bytes: [UInt8]) -> [City] {
        guard !bytes.isEmpty else { return [] }
        return (try? JSONDecoder().decode([City].self, from: Data(bytes))) ?? []
    }
}
