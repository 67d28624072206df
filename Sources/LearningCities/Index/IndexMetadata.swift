import Foundation
import XapianKit

/// Keys of the metadata learncity keeps inside the Xapian database, so that
/// the read side needs nothing but the index.
public enum IndexMetadata {
    /// JSON array of every `City` of the corpus.
    public static let cities = "learncity:cities"
    /// JSON of the `AbbreviationList` of the corpus.
    public static let abbreviations = "learncity:abbreviations"
    /// JSON array of every `Theme` of the corpus vocabulary (empty array when none).
    public static let themes = "learncity:themes"
    /// JSON array of every programme `Concept` the documents were tagged with.
    public static let concepts = "learncity:concepts"
    /// The concepts' forms, tokenized (`ConceptTagger.formTable`), for queries.
    public static let conceptForms = "learncity:concept-forms"
    /// Version of the programme vocabulary (`ProgrammeVocabulary.version`).
    public static let vocabularyVersion = "learncity:vocabulary-version"
    /// `TermSchema.analysisVersion` the index was built with.
    public static let analysisVersion = "learncity:analysis"

    /// Encodes a value for the metadata.
    static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { [UInt8]($0) } ?? []
    }

    /// Decodes abbreviations from the metadata (none when absent or unreadable).
    static func decodeAbbreviations(_ bytes: [UInt8]) -> AbbreviationList {
        guard !bytes.isEmpty else { return AbbreviationList() }
        return (try? JSONDecoder().decode(AbbreviationList.self, from: Data(bytes))) ?? AbbreviationList()
    }

    /// Decodes cities from the metadata (none when absent or unreadable).
    static func decodeCities(_ bytes: [UInt8]) -> [City] {
        guard !bytes.isEmpty else { return [] }
        return (try? JSONDecoder().decode([City].self, from: Data(bytes))) ?? []
    }

    /// Decodes the theme vocabulary from the metadata (empty when absent or unreadable).
    static func decodeThemes(_ bytes: [UInt8]) -> ThemeVocabulary {
        guard !bytes.isEmpty else { return ThemeVocabulary(themes: []) }
        return ThemeVocabulary(themes: (try? JSONDecoder().decode([Theme].self, from: Data(bytes))) ?? [])
    }

    /// Decodes the programme concepts from the metadata (none when absent or unreadable).
    static func decodeConcepts(_ bytes: [UInt8]) -> ConceptVocabulary {
        guard !bytes.isEmpty else { return ConceptVocabulary(concepts: []) }
        return ConceptVocabulary(concepts: (try? JSONDecoder().decode([Concept].self, from: Data(bytes))) ?? [])
    }

    /// The whole programme vocabulary stored in `database`'s metadata.
    static func decodeVocabulary(_ database: Database) -> ProgrammeVocabulary {
        ProgrammeVocabulary(themes: decodeThemes((try? database.metadata(themes)) ?? []),
                            concepts: decodeConcepts((try? database.metadata(concepts)) ?? []),
                            version: String(decoding: (try? database.metadata(vocabularyVersion)) ?? [], as: UTF8.self))
    }
}
