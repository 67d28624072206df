import Foundation
import LearningCities

/// Renders a recommendation for people, in the answer's language: one block
/// per partner with its name, country, a score bar, the programme concepts
/// and distinguishing themes it shares with the city, other shared words,
/// and the city's initiatives paired with the partner's. Says so when even
/// the best match is weak.
struct RecommendRenderer {
    let themes: ThemeVocabulary
    let color: Bool

    func render(_ response: RecommendResponse) -> String {
        let words = ReasonWording(lang: response.lang)
        var out = ""
        let subject = response.city.map { "\($0.name) (\($0.country))" } ?? words.theText
        if response.partners.isEmpty {
            return words.noPartner(subject) + "\n"
        }
        out += words.partnersFor + " " + style(subject, "1") + ":\n"
        if response.weak {
            out += style(words.weak, "33") + "\n"
        }
        for partner in response.partners {
            out += "\n"
            out += style("\(partner.rank).", "2") + " " + style(partner.name, "1") + " " + style("(\(partner.country))", "36")
                + "  " + bar(partner.score) + " " + String(format: "%.2f", partner.score) + style("  [\(partner.id)]", "2") + "\n"
            if !partner.concepts.isEmpty {
                out += "   " + style(words.concepts, "2") + partner.concepts.map(\.label).joined(separator: ", ") + "\n"
            }
            if !partner.themes.isEmpty {
                out += "   " + style(words.themes, "2") + partner.themes.map { words.themeName($0, themes) }.joined(separator: ", ") + "\n"
            }
            if !partner.terms.isEmpty {
                out += "   " + style(words.words, "2") + partner.terms.joined(separator: ", ") + "\n"
            }
            for pair in partner.pairs.prefix(2) {
                out += "   " + style("· ", "2") + words.title(pair.source) + style(" ↔ ", "2") + words.title(pair.partner) + "\n"
            }
            if partner.pairs.isEmpty {
                for evidence in partner.evidence.prefix(2) {
                    out += "   " + style("· ", "2") + (evidence.title.isEmpty ? evidence.id : evidence.title)
                        + style("  [\(evidence.id)]", "2") + "\n"
                }
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
