import Foundation
import JSONRPC
import LearncityServe
import LearningCities

/// The short readable text returned with each tool's structured result:
/// enough for a model (or a person reading the transcript) to answer and to
/// follow up by id, without the whole JSON.
enum MCPToolSummaries {
    /// "14 documents match …", then one line per hit with its id and snippet.
    static func search(_ result: JSONValue) -> String {
        let query = result["query"]?.stringValue ?? ""
        let total = Int(result["total"]?.doubleValue ?? 0)
        let hits = result["results"]?.arrayValue ?? []
        var lines: [String] = []
        let offset = Int(result["offset"]?.doubleValue ?? 0)
        let shown = hits.isEmpty ? "" : " (showing \(offset + 1)–\(offset + hits.count))"
        lines.append("\(total) document\(total == 1 ? "" : "s") match “\(query)”\(shown).")
        if let accented = result["accented"]?.stringValue { lines.append("Read as: \(accented)") }
        if let suggestion = result["did_you_mean"]?.stringValue { lines.append("Did you mean: \(suggestion)?") }
        if result["relaxed"] == .bool(true) { lines.append("No document has every word; documents with any of them are shown.") }
        for hit in hits {
            let rank = Int(hit["rank"]?.doubleValue ?? 0)
            let type = hit["type"]?.stringValue ?? "?"
            let title = hit["title"]?.stringValue ?? ""
            let id = hit["id"]?.stringValue ?? ""
            let date = hit["date"]?.stringValue.map { ", \($0)" } ?? ""
            lines.append("\(rank). [\(type)\(date)] \(title) — \(id)")
            if let snippet = hit["snippet"]?.stringValue, !snippet.isEmpty {
                lines.append("   \(plainText(fromSnippet: snippet))")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "Partners for Sơn La (VN):", then one line per partner with its score and reasons.
    static func recommend(_ result: JSONValue) -> String {
        let source: String
        if let city = result["city"], let name = city["name"]?.stringValue {
            source = "\(name) (\(city["country"]?.stringValue ?? "?"))"
        } else {
            source = "the text given"
        }
        let partners = result["partners"]?.arrayValue ?? []
        guard !partners.isEmpty else { return "No partner city found for \(source)." }
        var lines = ["Partner cities for \(source):"]
        for partner in partners {
            let rank = Int(partner["rank"]?.doubleValue ?? 0)
            let name = partner["name"]?.stringValue ?? "?"
            let id = partner["id"]?.stringValue ?? "?"
            let country = partner["country"]?.stringValue ?? "?"
            let score = partner["score"]?.doubleValue.map { String(format: "%.2f", $0) } ?? "?"
            lines.append("\(rank). \(name) (\(country), \(id)) — score \(score)")
            let reasons = strings(partner["concepts"]) + strings(partner["terms"]).filter { !strings(partner["concepts"]).contains($0) }
            if !reasons.isEmpty { lines.append("   shared: \(reasons.prefix(8).joined(separator: ", "))") }
            let themes = strings(partner["themes"])
            if !themes.isEmpty { lines.append("   themes: \(themes.prefix(5).joined(separator: ", "))") }
            for pair in (partner["pairs"]?.arrayValue ?? []).prefix(2) {
                let own = pair["source"]?["title"]?.stringValue ?? ""
                let theirs = pair["partner"]?["title"]?.stringValue ?? ""
                if !theirs.isEmpty { lines.append("   side by side: \(own) ↔ \(theirs)") }
            }
            if result["weak"] == .bool(true), partner == partners.first { lines.append("   (even the best match is weak)") }
            for evidence in (partner["evidence"]?.arrayValue ?? []).prefix(2) {
                let title = evidence["title"]?.stringValue ?? evidence["partner"]?["title"]?.stringValue ?? ""
                let id = evidence["id"]?.stringValue ?? evidence["partner"]?["id"]?.stringValue ?? ""
                if !title.isEmpty { lines.append("   evidence: \(title) — \(id)") }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "Sơn La (VN) and Phayao (TH): similarity 0.41", then what they share and where they differ.
    static func compare(_ result: JSONValue) -> String {
        func name(_ city: JSONValue?) -> String { "\(city?["name"]?.stringValue ?? "?") (\(city?["country"]?.stringValue ?? "?"))" }
        let score = result["score"]?.doubleValue.map { String(format: "%.2f", $0) } ?? "?"
        var lines = ["\(name(result["a"])) and \(name(result["b"])): similarity \(score)."]
        let shared = strings(result["shared_concepts"])
        lines.append("Both run: \(shared.isEmpty ? "no programme concept in common" : shared.prefix(10).joined(separator: ", ")).")
        let onlyA = strings(result["only_a"]), onlyB = strings(result["only_b"])
        if !onlyA.isEmpty { lines.append("Only \(result["a"]?["name"]?.stringValue ?? "a"): \(onlyA.prefix(8).joined(separator: ", ")).") }
        if !onlyB.isEmpty { lines.append("Only \(result["b"]?["name"]?.stringValue ?? "b"): \(onlyB.prefix(8).joined(separator: ", ")).") }
        for pair in (result["pairs"]?.arrayValue ?? []).prefix(4) {
            lines.append("- \(pair["source"]?["title"]?.stringValue ?? "") ↔ \(pair["partner"]?["title"]?.stringValue ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    /// The city's facts in one line, then its documents.
    static func city(_ result: JSONValue) -> String {
        guard let city = result["city"] else { return "" }
        var facts = ["\(city["name"]?.stringValue ?? "?") (\(city["country"]?.stringValue ?? "?"), id \(city["id"]?.stringValue ?? "?"))"]
        if let region = city["region"]?.stringValue { facts.append(region) }
        if let joined = city["joined"]?.doubleValue { facts.append("joined the GNLC in \(Int(joined))") }
        if let status = city["status"]?.stringValue { facts.append("status: \(status)") }
        var lines = [facts.joined(separator: "; ") + "."]
        if let summary = city["summary"]?.stringValue { lines.append(summary) }
        let total = Int(result["total"]?.doubleValue ?? 0)
        lines.append("\(total) document\(total == 1 ? "" : "s"):")
        for document in result["documents"]?.arrayValue ?? [] {
            let type = document["type"]?.stringValue ?? "?"
            let lang = document["lang"]?.stringValue.map { ", \($0)" } ?? ""
            lines.append("- [\(type)\(lang)] \(document["title"]?.stringValue ?? "") — learncity://doc/\(document["id"]?.stringValue ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    /// "6 cities in VN:", then one line per city.
    static func cities(_ result: JSONValue) -> String {
        let cities = result["cities"]?.arrayValue ?? []
        let scope = result["country"]?.stringValue.map { " in \($0)" } ?? ""
        var lines = ["\(cities.count) cit\(cities.count == 1 ? "y" : "ies")\(scope):"]
        for city in cities {
            let joined = city["joined"]?.doubleValue.map { ", joined \(Int($0))" } ?? ""
            let documents = Int(city["documents"]?.doubleValue ?? 0)
            lines.append("- \(city["name"]?.stringValue ?? "?") (\(city["id"]?.stringValue ?? "?"), \(city["country"]?.stringValue ?? "?")\(joined), \(documents) documents)")
        }
        return lines.joined(separator: "\n")
    }

    /// "Partner report for vn-son-la (vi): 6 partners …".
    static func report(_ result: JSONValue) -> String {
        let partners = strings(result["partners"])
        let bytes = result["html"]?.stringValue?.utf8.count ?? 0
        return "Partner report for \(result["city"]?.stringValue ?? "?") in \(result["lang"]?.stringValue ?? "?"): "
            + "\(partners.count) partners (\(partners.joined(separator: ", "))); a self-contained HTML page of \(bytes / 1024) KiB, "
            + "attached as a text/html resource."
    }

    /// The strings of an array of strings, or of objects with a label (`label`, `name` or `id`).
    static func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap { element in
            element.stringValue ?? element["label"]?.stringValue ?? element["name"]?.stringValue ?? element["id"]?.stringValue
        }
    }

    /// A snippet without its `<b>` marks and HTML escapes.
    static func plainText(fromSnippet snippet: String) -> String {
        var text = snippet.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
