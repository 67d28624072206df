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
        var position: UInt32 = 0
        for token in analyzed.titleTokens {
            position += 1
            addWord(token, at: position, wdf: TermSchema.titleWeight, to: &document)
        }
        position += TermSchema.bodyPositionGap
        for token in analyzed.bodyTokens {
            position += 1
            addWord(token, at: position, wdf: 1, to: &document)
        }

        let stored = analyzed.stored
        document.addBoolean(TermSchema.id + stored.id)
        document.addBoolean(TermSchema.type + stored.type.rawValue)
        document.addBoolean(TermSchema.lang + stored.lang.rawValue)
        for city in stored.cities { document.addBoolean(TermSchema.city + city) }
        for country in analyzed.countries { document.addBoolean(TermSchema.country + country) }
        for region in analyzed.regions { document.addBoolean(TermSchema.region + region) }
        // Themes carry their cue count as wdf, so that a weighted query of
        // `XH` terms ranks documents by how much they are about a theme;
        // as filters (`theme:literacy`) they act like boolean terms.
        for theme in stored.themes {
            let count = analyzed.themeCounts[theme] ?? 1
            document.add(TermSchema.theme + theme, wdf: UInt32(min(max(count, 1), TermSchema.maxThemeWeight)))
        }
        if let year = stored.year { document.addBoolean(TermSchema.year + String(year)) }

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
        document.data = (try? encoder.encode(stored)).map { [UInt8]($0) } ?? []
        return document
    }

    @inline(__always)
    private static func addWord(_ token: Token, at position: UInt32, wdf: UInt32, to document: inout Document) {
        document.add(TermSchema.exact + token.exact, position: position, wdf: wdf)
        document.add(TermSchema.folded + token.key, position: position, wdf: wdf)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
