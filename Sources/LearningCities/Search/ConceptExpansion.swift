/// The programme concepts a query names (`thư viện người cao tuổi` →
/// `XPpublic-library`, `XPolder-people`), so that the search also finds
/// documents in the other language that mention all of them (`Older people
/// as living libraries`), weighted low enough to rank below documents that
/// use the query's own words. A query that names no concept adds nothing.
enum ConceptExpansion {
    /// Weight factor of a match through concepts only.
    static let weight = 0.25

    /// The `XP` terms of the concepts named in `query`, by the index's
    /// vocabulary. The query's other words still apply: the clause is the concepts and
    /// the search keys (`XF`) of the words no concept covers, all required
    /// (frequent stopwords left out, as the text query leaves them out).
    /// Empty when the query names no concept.
    static func terms(for query: String, index: IndexReader) -> [String] {
        let tokens = Tokenizer().tokens(of: CanonicalComposition.nfc(query))
        let mentions = mentions(in: tokens, index: index)
        guard !mentions.isEmpty else { return [] }
        var covered = Set<Int>()
        for mention in mentions { covered.formUnion(mention.start..<(mention.start + mention.length)) }
        var seen: Set<String> = []
        let concepts = mentions.map { TermSchema.programmeConcept + $0.id }
        let words = tokens.indices.filter { !covered.contains($0) && !index.isQueryStopword(tokens[$0].key) }
            .map { TermSchema.folded + tokens[$0].key }
        return (concepts + words).filter { seen.insert($0).inserted }
    }
}

extension ConceptExpansion {
    /// The concept mentions in `tokens`: matched against the forms that
    /// start with one of their keys, read from the index's form table (an
    /// index written before the table existed tokenizes every form once).
    static func mentions(in tokens: [Token], index: IndexReader) -> [(id: String, start: Int, length: Int)] {
        guard !tokens.isEmpty else { return [] }
        let forms = index.derived("search.conceptForms") {
            ConceptForms(table: CuePhraseMatcher.Table(bytes: (try? index.database.metadata(IndexMetadata.conceptForms)) ?? []))
        }
        if forms.table.isEmpty { return index.conceptTagger.mentions(in: tokens) }
        return forms.matcher(for: Set(tokens.map(\.key))).matches(in: tokens)
    }
}

/// The concept form table of one index revision, with the phrases of each
/// first key read once (a server answers many queries with the same words).
/// Belongs to one `IndexReader`, hence to one thread.
final class ConceptForms {
    /// The table in the index's metadata.
    let table: CuePhraseMatcher.Table
    private var phrases: [String: [CuePhraseMatcher.Cue]] = [:]

    init(table: CuePhraseMatcher.Table) {
        self.table = table
    }

    /// A matcher for the phrases that start with one of `keys`.
    func matcher(for keys: Set<String>) -> CuePhraseMatcher {
        var wanted: [String: [CuePhraseMatcher.Cue]] = [:]
        for key in keys {
            if let known = phrases[key] {
                wanted[key] = known
            } else {
                let read = table.phrases(startingWith: key)
                phrases[key] = read
                wanted[key] = read
            }
        }
        return CuePhraseMatcher(phrasesByFirstKey: wanted)
    }
}

extension IndexReader {
    /// A tagger for the index's concepts, for queries (built once per revision).
    public var conceptTagger: ConceptTagger {
        derived("search.conceptTagger") { ConceptTagger(vocabulary: concepts) }
    }
}
