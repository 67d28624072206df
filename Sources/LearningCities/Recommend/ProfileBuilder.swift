import Foundation
import XapianKit

/// Builds `CityProfile`s from the index, the same way for the source city
/// and for every candidate partner, so that comparing A with B is comparing
/// B with A.
///
/// A city is described by its own documents: documents about it alone
/// before those naming several cities, its profile and initiatives before
/// news, at most `maxDocuments`. A news article that
/// names several cities (a membership announcement, a forum report) says
/// nothing about what each of them does: it is left out whenever the city
/// has any document of its own, and a document that also names the other
/// city of the comparison is never used.
final class ProfileBuilder {
    private let index: IndexReader
    /// The most documents read per city.
    let maxDocuments: Int
    private var ownDocuments: Set<UInt32>?

    init(index: IndexReader, maxDocuments: Int) {
        self.index = index
        self.maxDocuments = maxDocuments
    }

    /// The profile of `city` (with `focus`, only its documents with that
    /// theme), leaving out documents that also link to `other`. Nil when no
    /// document is left.
    func profile(of city: City, focus: String?, excluding other: String?,
                 excludingTitles titles: Set<String> = []) throws -> CityProfile? {
        let database = index.database
        var candidates = Set(try database.documentIDs(for: TermSchema.term(TermSchema.city, city.id)))
        if let focus { candidates.formIntersection(try database.documentIDs(for: TermSchema.term(TermSchema.theme, focus))) }
        if let other { candidates.subtract(try database.documentIDs(for: TermSchema.term(TermSchema.city, other))) }
        guard !candidates.isEmpty else { return nil }
        // Its profile and initiatives first, then news (a bounded number of each, in
        // fingerprint order: docids, and so their order, depend on the shard layout).
        let own = try ownDocumentSet().intersection(candidates)
        let pool = try inStableOrder(own).prefix(maxDocuments * 4) + inStableOrder(candidates.subtracting(own)).prefix(maxDocuments * 4)
        var listed: [(docid: UInt32, order: String, cities: Int, type: String)] = []
        for (docid, order) in pool {
            listed.append((docid, order, max(try listValue(docid, slot: TermSchema.Slot.cities).count, 1),
                           String(decoding: try database.value(of: docid, slot: TermSchema.Slot.type), as: UTF8.self)))
        }
        // Multi-city news only when the city has nothing else.
        if listed.contains(where: { $0.cities == 1 || $0.type != DocumentType.news.rawValue }) {
            listed.removeAll { $0.cities > 1 && $0.type == DocumentType.news.rawValue }
        }
        let news = DocumentType.news.rawValue
        listed.sort { ($0.cities, $0.type == news ? 1 : 0, $0.order) < ($1.cities, $1.type == news ? 1 : 0, $1.order) }
        var profile = CityProfile(city: city)
        for entry in listed where profile.documents.count < maxDocuments {
            var document = try document(entry.docid, cities: entry.cities, type: entry.type)
            document.title = try title(of: entry.docid)
            document.order = entry.order
            // One report filed under each city it names (`Sơn La: … at ICLC 6`,
            // `Vinh: … at ICLC 6`) is one document about several cities.
            if titles.contains(Self.reportKey(document.title)) { continue }
            profile.documents.append(document)
        }
        profile.summarise()
        return profile
    }

    /// The profile of a free-text description: one document, tagged by the index's vocabulary
    /// (its taggers built once per index revision: building them takes longer than tagging).
    func profile(ofText text: String, focus: String?) -> CityProfile {
        let tokens = Tokenizer().tokens(of: CanonicalComposition.nfc(text))
        let conceptTagger = index.derived("recommend.conceptTagger") { ConceptTagger(vocabulary: index.concepts) }
        let themeTagger = index.derived("recommend.themeTagger") { ThemeTagger(vocabulary: index.themes) }
        let concepts = conceptTagger.counts(in: tokens)
        var themes = Set(themeTagger.counts(in: tokens).keys)
        let known = Set(index.themes.themes.map(\.id))
        themes.formUnion(conceptTagger.themeCounts(of: concepts).keys.filter { known.contains($0) })
        if let focus { themes = [focus] }
        var profile = CityProfile(text: text)
        profile.documents = [CityProfile.Document(docid: 0, share: 1, lang: LanguageDetector.detect(tokens).rawValue,
                                                  type: "text", concepts: concepts, themes: themes)]
        profile.summarise()
        return profile
    }

    /// One document of a profile: its concepts (`XP` terms with their wdf), themes and language.
    func document(_ docid: UInt32, cities: Int, type: String) throws -> CityProfile.Document {
        let database = index.database
        var concepts: [String: Int] = [:]
        for term in try database.terms(of: docid, prefix: TermSchema.programmeConcept) {
            concepts[String(term.term.dropFirst(TermSchema.programmeConcept.count))] = term.frequency
        }
        return CityProfile.Document(docid: docid, share: 1 / Double(cities),
                                    lang: String(decoding: try database.value(of: docid, slot: TermSchema.Slot.lang), as: UTF8.self),
                                    type: type, concepts: concepts,
                                    themes: Set(try listValue(docid, slot: TermSchema.Slot.themes)))
    }

    /// `docids` with their fingerprints, in fingerprint order: the same whatever the shard layout.
    func inStableOrder(_ docids: Set<UInt32>) throws -> [(docid: UInt32, order: String)] {
        try docids.map { ($0, String(decoding: try index.database.value(of: $0, slot: TermSchema.Slot.fingerprint), as: UTF8.self)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
    }

    /// The title of a document (empty when its data cannot be read).
    func title(of docid: UInt32) throws -> String {
        try stored(docid).title
    }

    /// The corpus id and title of a document (empty when its data cannot be read).
    func stored(_ docid: UInt32) throws -> (id: String, title: String) {
        let stored = try index.database.storedDocument(docid)
        return (stored?.id ?? "", stored?.title ?? "")
    }

    /// A title without the city name it starts with (`Vinh: Learning
    /// communities…` → `learning communities…`), to recognise one report
    /// filed under several cities.
    static func reportKey(_ title: String) -> String {
        let body = title.range(of: ": ").map { String(title[$0.upperBound...]) } ?? title
        return body.lowercased()
    }

    /// The ids of linked cities (or themes) stored in a value slot.
    func listValue(_ docid: UInt32, slot: Int) throws -> [String] {
        let bytes = try index.database.value(of: docid, slot: slot)
        guard !bytes.isEmpty else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: Character(TermSchema.valueSeparator)).map(String.init)
    }

    /// Every profile and initiative document (read once per builder).
    private func ownDocumentSet() throws -> Set<UInt32> {
        if let ownDocuments { return ownDocuments }
        var own: Set<UInt32> = []
        for type in [DocumentType.profile, .initiative] {
            own.formUnion(try index.database.documentIDs(for: TermSchema.term(TermSchema.type, type.rawValue)))
        }
        ownDocuments = own
        return own
    }
}
