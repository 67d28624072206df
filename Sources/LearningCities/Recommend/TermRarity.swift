import Foundation

/// How telling a concept (`XP`), theme (`XH`) or word (`XF`) term is, for
/// comparing cities: the city-level rarity of `CityStatistics` (a concept
/// every city of some language carries weighs nothing, a rare shared one
/// like kominkan or literacy in ethnic-minority languages weighs much).
final class TermRarity {
    /// The statistics the rarities come from.
    let statistics: CityStatistics

    init(statistics: CityStatistics) {
        self.statistics = statistics
    }

    /// The rarity of `term` (a prefixed `XP`, `XH` or `XF` term; 0 for any other).
    func idf(_ term: String) throws -> Double {
        guard let (kind, key) = Self.split(term) else { return 0 }
        return statistics.rarity(key, kind)
    }

    /// `weights` multiplied by the rarity of each key's term (`prefix + key`); keys of rarity 0 are left out.
    func weighted(_ weights: [String: Double], prefix: String) throws -> [String: Double] {
        guard let kind = Self.kind(of: prefix) else { return [:] }
        return statistics.weighted(weights, kind)
    }

    private static func kind(of prefix: String) -> CityStatistics.Kind? {
        switch prefix {
        case TermSchema.programmeConcept: .concept
        case TermSchema.theme: .theme
        case TermSchema.folded: .word
        default: nil
        }
    }

    private static func split(_ term: String) -> (CityStatistics.Kind, String)? {
        for prefix in [TermSchema.programmeConcept, TermSchema.theme, TermSchema.folded] where term.hasPrefix(prefix) {
            if let kind = kind(of: prefix) { return (kind, String(term.dropFirst(prefix.count))) }
        }
        return nil
    }
}
