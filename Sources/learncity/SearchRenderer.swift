import Foundation
import LearningCities

/// Renders a search response for people: rank, title, cities, date, snippet
/// with highlighted matches, then the facets.
struct SearchRenderer {
    let cities: CityDirectory
    let color: Bool

    func render(_ response: SearchResponse) -> String {
        var out = ""
        if let accented = response.accented { out += style("Read as: \(accented)", "2") + "\n" }
        if let suggestion = response.didYouMean { out += style("Did you mean: \(suggestion)?", "33") + "\n" }
        if response.parsedAs == "words" {
            out += style("The query's operators and punctuation could not be parsed: searched its words as plain text.", "33") + "\n"
        }
        if let exact = response.exactMatches, let approximate = response.approximateMatches, approximate > 0 {
            let words = quote(response.accented ?? response.query)
            let approximateText = "\(approximate) approximate match\(approximate == 1 ? "" : "es") (same letters, other accents)"
            out += style(exact == 0 ? "No document has \(words); \(approximateText)."
                         : "\(exact) document\(exact == 1 ? " has" : "s have") \(words); then \(approximateText).", "33") + "\n"
        }
        if response.total == 0 {
            out += "No documents match \(quote(response.query)).\n"
            return out
        }
        let shownTo = response.offset + response.results.count
        out += "\(response.total) document\(response.total == 1 ? "" : "s") match \(quote(response.query))"
        out += response.results.isEmpty ? ".\n" : "; showing \(response.offset + 1)–\(shownTo).\n"
        if response.relaxed { out += style("No document has every word: showing documents with any of them.\n", "33") }
        if let from = response.partialFrom {
            out += style("From rank \(from) on, documents with only some of the words.\n", "2")
        }
        if let clamped = response.limitClamped { out += "(limit clamped to \(clamped))\n" }
        for hit in response.results {
            out += "\n"
            out += style("\(hit.rank).", "2") + " " + style(hit.title.isEmpty ? hit.id : hit.title, "1") + "\n"
            var meta = [hit.type, hit.lang]
            if let date = hit.date { meta.append(date) }
            let names = hit.cities.map { cities[$0]?.name ?? $0 }
            if !names.isEmpty { meta.append(names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", …" : "")) }
            out += "   " + style(meta.joined(separator: " · "), "36") + style("  [\(hit.id)]", "2") + "\n"
            if !hit.snippet.isEmpty { out += "   " + highlight(hit.snippet) + "\n" }
        }
        out += "\n" + facetLine("type", response.facets.type) + facetLine("lang", response.facets.lang)
            + facetLine("country", response.facets.country)
        return out
    }

    private func facetLine(_ name: String, _ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "" }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return style("\(name): ", "2") + sorted.prefix(12).map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
    }

    /// The snippet is HTML-escaped with <b> around matches: turn it into terminal text.
    /// The snippet for a terminal: `<b>…</b>` as `open`/`close`, HTML
    /// entities decoded, line breaks as spaces, in one pass over its bytes.
    private func highlight(_ snippet: String) -> String {
        let open = Array((color ? "\u{1B}[1;33m" : "[").utf8)
        let close = Array((color ? "\u{1B}[0m" : "]").utf8)
        let replacements: [(from: [UInt8], to: [UInt8])] = [
            (Array("<b>".utf8), open), (Array("</b>".utf8), close), (Array("&lt;".utf8), [UInt8(ascii: "<")]),
            (Array("&gt;".utf8), [UInt8(ascii: ">")]), (Array("&quot;".utf8), [UInt8(ascii: "\"")]),
            (Array("&#39;".utf8), [UInt8(ascii: "'")]), (Array("&amp;".utf8), [UInt8(ascii: "&")]),
        ]
        let bytes = Array(snippet.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 32)
        var index = 0
        scan: while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
                for replacement in replacements where bytes[index...].starts(with: replacement.from) {
                    output.append(contentsOf: replacement.to)
                    index += replacement.from.count
                    continue scan
                }
            }
            output.append(byte == 0x0A ? 0x20 : byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func style(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private func quote(_ text: String) -> String { "“\(text)”" }
}
