import Foundation
import LearningCities

/// Renders a recommendation for people: one block per partner with its
/// name, country, a score bar, the shared themes and words, and the best
/// evidence documents.
struct RecommendRenderer {
    let cities: CityDirectory
    let themes: ThemeVocabulary
    let color: Bool

    func render(_ response: RecommendResponse) -> String {
        var out = ""
        let subject = response.city.map { "\($0.name) (\($0.country))" } ?? "the text"
        if response.partners.isEmpty {
            return "No partner found for \(subject).\n"
        }
        out += "Partners for \(style(subject, "1")):\n"
        for partner in response.partners {
            out += "\n"
            out += style("\(partner.rank).", "2") + " " + style(partner.name, "1") + " " + style("(\(partner.country))", "36")
                + "  " + bar(partner.score) + " " + String(format: "%.2f", partner.score) + style("  [\(partner.id)]", "2") + "\n"
            if !partner.themes.isEmpty {
                out += "   " + style("themes: ", "2") + partner.themes.map { themes[$0]?.name.en ?? $0 }.joined(separator: ", ") + "\n"
            }
            if !partner.terms.isEmpty {
                out += "   " + style("words:  ", "2") + partner.terms.joined(separator: ", ") + "\n"
            }
            for evidence in partner.evidence.prefix(2) {
                out += "   " + style("· ", "2") + (evidence.title.isEmpty ? evidence.id : evidence.title)
                    + style("  [\(evidence.id)]", "2") + "\n"
            }
        }
        return out
    }

    /// A ten-cell bar for a score in 0…1.
    private func bar(_ score: Double) -> String {
        let filled = max(0, min(10, Int((score * 10).rounded())))
        return style(String(repeating: "█", count: filled), "32") + style(String(repeating: "░", count: 10 - filled), "2")
    }

    private func style(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
