import Foundation

/// Keys of the metadata learncity keeps inside the Xapian database, so that
/// the read side needs nothing but the index.
public enum IndexMetadata {
    /// JSON array of every `City` of the corpus.
    public static let cities = "learncity:cities"
    /// JSON array of every `Theme` of the corpus vocabulary (empty array when none).
    public static let themes = "learncity:themes"
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

    /// Encodes a theme vocabulary for the metadata.
    static func encode(_ themes: ThemeVocabulary) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(themes.themes)).map { [UInt8]($0) } ?? []
    }

    /// Decodes the theme vocabulary from the metadata (empty when absent or unreadable).
    static func decodeThemes(_ bytes: [UInt8]) -> ThemeVocabulary {
        guard !bytes.isEmpty else { return ThemeVocabulary(themes: []) }
        return ThemeVocabulary(themes: (try? JSONDecoder().decode([Theme].self, from: Data(bytes))) ?? [])
    }
}
