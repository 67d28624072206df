import XapianKit

/// What a whole index (or shard) stores besides its documents: the corpus
/// metadata (cities, abbreviations, themes, concepts, vocabulary version, analysis version) and the
/// vocabulary tables derived from its terms.
enum IndexTables {
    /// Stores the metadata of `corpus`; with `vocabulary`, rebuilds the
    /// vocabulary tables from what `reader` sees.
    static func write(_ corpus: PreparedCorpus, writer: WritableDatabase, reader: Database, vocabulary: Bool) throws {
        try writer.setMetadata(IndexMetadata.encode(corpus.cities), for: IndexMetadata.cities)
        try writer.setMetadata(IndexMetadata.encode(corpus.abbreviations), for: IndexMetadata.abbreviations)
        try writer.setMetadata(IndexMetadata.encode(corpus.vocabulary.themes.themes), for: IndexMetadata.themes)
        try writer.setMetadata(IndexMetadata.encode(corpus.vocabulary.concepts.concepts), for: IndexMetadata.concepts)
        try writer.setMetadata(ConceptTagger(vocabulary: corpus.vocabulary.concepts).formTable, for: IndexMetadata.conceptForms)
        try writer.setMetadata(Array(corpus.vocabulary.version.utf8), for: IndexMetadata.vocabularyVersion)
        try writer.setMetadata(Array(TermSchema.analysisVersion.utf8), for: IndexMetadata.analysisVersion)
        if vocabulary {
            try VocabularyTables.rebuild(writer: writer, terms: reader, tables: reader, synonyms: corpus.synonyms)
        }
    }
}
