import Foundation
import XapianKit

/// Turns an analysed document into a Xapian document following `TermSchema`:
/// exact and folded words with positions (title words weighted up), boolean
/// filter terms, value slots and the stored data.
public enum DocumentBuilder {
    /// The Xapian document for `analyzed`, carrying `fingerprint` in its slot.
    public static func document(for analyzed: AnalyzedDocument, fingerprint: String) -> Document {
        var document = Document()
        document.postings.reserveCapacity((analyzed.titleTokens.count + analyzed.bodyTokens.count) * 2)
        addText(analyzed.titleTokens, mentions: analyzed.titleMentions, from: 1, wdf: TermSchema.titleWeight,
                to: &document)
        addText(analyzed.bodyTokens, mentions: analyzed.bodyMentions,
                from: UInt32(analyzed.titleTokens.count) + TermSchema.bodyPositionGap + 1, wdf: 1, to: &document)

        let stored = analyzed.stored
        document.addBoolean(TermSchema.id + stored.id)  // unique id: no colon rule, never parsed
        document.addBoolean(TermSchema.term(TermSchema.type, stored.type.rawValue))
        document.addBoolean(TermSchema.term(TermSchema.lang, stored.lang.rawValue))
        for city in stored.cities { document.addBoolean(TermSchema.term(TermSchema.city, city)) }
        for country in analyzed.countries { document.addBoolean(TermSchema.term(TermSchema.country, country)) }
        for region in analyzed.regions { document.addBoolean(TermSchema.term(TermSchema.region, region)) }
        for status in analyzed.statuses { document.addBoolean(TermSchema.term(TermSchema.status, status)) }
        // Themes carry their cue count as wdf, so that a weighted query of
        // `XH` terms ranks documents by how much they are about a theme;
        // as filters (`theme:literacy`) they act like boolean terms.
        for theme in stored.themes {
            let count = analyzed.themeCounts[theme] ?? 1
            document.add(TermSchema.term(TermSchema.theme, theme), wdf: UInt32(min(max(count, 1), TermSchema.maxThemeWeight)))
        }
        // Programme concepts likewise carry their mention count: the same
        // term for `thư viện` and `public library`, weighted by IDF in recommend.
        for (concept, count) in analyzed.conceptCounts.sorted(by: { $0.key < $1.key }) {
            document.add(TermSchema.programmeConcept + concept, wdf: UInt32(min(max(count, 1), TermSchema.maxThemeWeight)))
        }
        if let year = stored.year { document.addBoolean(TermSchema.term(TermSchema.year, String(year))) }

        let separator = TermSchema.valueSeparator
        document.setValue(stored.type.rawValue, slot: TermSchema.Slot.type)
        document.setValue(analyzed.countries.joined(separator: separator), slot: TermSchema.Slot.countries)
        document.setValue(stored.cities.joined(separator: separator), slot: TermSchema.Slot.cities)
        document.setValue(stored.lang.rawValue, slot: TermSchema.Slot.lang)
        document.setValue(stored.themes.joined(separator: separator), slot: TermSchema.Slot.themes)
        if let date = stored.date { document.setValue(date, slot: TermSchema.Slot.date) }
        if let year = stored.year { document.values[TermSchema.Slot.year] = SortableNumber.serialise(Double(year)) }
        if let primary = stored.cities.first { document.setValue(primary, slot: TermSchema.Slot.primaryCity) }
        document.setValue(fingerprint, slot: TermSchema.Slot.fingerprint)
        document.data = stored.encoded()
        return document
    }

    /// Search keys with positions (phrases), exact words without (they only
    /// boost exact accents), key bigrams of adjacent words inside a clause,
    /// and concept mentions at their positions.
    private static func addText(_ tokens: [Token], mentions: [(term: String, tokenIndex: Int)], from start: UInt32,
                                wdf: UInt32, to document: inout Document) {
        for (index, token) in tokens.enumerated() {
            let position = start + UInt32(index)
            document.add(TermSchema.exact + token.exact, wdf: wdf)
            document.add(TermSchema.folded + token.key, position: position, wdf: wdf)
            if index > 0, !token.startsClause {
                let previous = tokens[index - 1]
                document.add(TermSchema.foldedBigram + previous.key + TermSchema.bigramSeparator + token.key, wdf: wdf)
            }
        }
        for mention in mentions {
            document.add(mention.term, position: start + UInt32(mention.tokenIndex), wdf: wdf)
        }
    }
}
