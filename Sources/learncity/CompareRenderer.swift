import Foundation
import LearningCities

/// Renders a comparison of two cities for people, in the answer's language.
struct CompareRenderer {
    let themes: ThemeVocabulary

    func render(_ comparison: CityComparison) -> String {
        let words = ReasonWording(lang: comparison.lang)
        var out = "\(comparison.a.name) (\(comparison.a.country)) ↔ \(comparison.b.name) (\(comparison.b.country))  "
            + words.similarity + " " + String(format: "%.2f", comparison.score) + "\n"
        func line(_ label: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            out += "  " + label + values.joined(separator: ", ") + "\n"
        }
        line(words.concepts, comparison.sharedConcepts.map(\.label))
        line(words.themes, comparison.sharedThemes.prefix(3).map { words.themeName($0, themes) })
        line(words.words, comparison.terms)
        line(words.onlyPrefix + comparison.a.name + ": ", comparison.onlyA.map(\.label)
             + comparison.onlyAThemes.map { words.themeName($0, themes) })
        line(words.onlyPrefix + comparison.b.name + ": ", comparison.onlyB.map(\.label)
             + comparison.onlyBThemes.map { words.themeName($0, themes) })
        if !comparison.pairs.isEmpty {
            out += "  " + words.pairs + "\n"
            for pair in comparison.pairs {
                out += "   · " + words.title(pair.source) + " ↔ " + words.title(pair.partner)
                    + "  (" + pair.concepts.map(\.label).joined(separator: ", ") + ")\n"
            }
        }
        return out
    }
}
