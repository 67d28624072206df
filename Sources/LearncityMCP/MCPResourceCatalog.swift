import Foundation
import JSONRPC
import LearncityReport
import LearncityServe
import LearningCities

/// The index as MCP resources: every city (`learncity://city/<id>`) and every
/// document (`learncity://doc/<id>`), readable as Markdown text that names
/// its source URLs.
struct MCPResourceCatalog {
    /// The URI scheme and authority of a city.
    static let cityPrefix = "learncity://city/"
    /// The URI scheme and authority of a document.
    static let documentPrefix = "learncity://doc/"
    /// The URI scheme and authority of a partner report page (`?lang=vi|en` optional).
    static let reportPrefix = "learncity://report/"
    /// Resources per `resources/list` page.
    static let pageSize = 200

    /// The index read.
    let index: IndexReader

    /// The `resources/templates/list` answer.
    static let templates: JSONValue = .object(["resourceTemplates": .array([
        .object(["uriTemplate": .string(cityPrefix + "{id}"), "name": .string("city"), "title": .string("A learning city"),
                 "description": .string("A learning city's facts and the list of its documents, e.g. learncity://city/vn-son-la."),
                 "mimeType": .string("text/markdown")]),
        .object(["uriTemplate": .string(reportPrefix + "{id}{?lang}"), "name": .string("report"), "title": .string("A partner report"),
                 "description": .string("A city's partner report as one self-contained HTML page, e.g. learncity://report/vn-son-la?lang=en."),
                 "mimeType": .string("text/html")]),
        .object(["uriTemplate": .string(documentPrefix + "{+id}"), "name": .string("document"), "title": .string("A document"),
                 "description": .string("One profile, initiative or news document in full, with its source URL, e.g. learncity://doc/profile/vn-son-la-en."),
                 "mimeType": .string("text/markdown")]),
    ])])

    /// One page of cities then documents, from the opaque `cursor` of the previous page.
    func list(cursor: String?) throws -> JSONValue {
        var offset = 0
        if let cursor {
            guard cursor.hasPrefix("o:"), let value = Int(cursor.dropFirst(2)), value >= 0 else {
                throw MCPError.invalidParam("cursor", "'\(cursor)' is not a cursor this server gave out")
            }
            offset = value
        }
        let cities = index.cities.all.sorted { $0.id < $1.id }
        var resources: [JSONValue] = []
        if offset < cities.count {
            for city in cities[offset..<min(cities.count, offset + Self.pageSize)] {
                resources.append(.object([
                    "uri": .string(Self.cityPrefix + Self.encode(city.id)), "name": .string(city.id),
                    "title": .string("\(city.name) (\(city.country))"), "mimeType": .string("text/markdown"),
                    "description": .string("Learning city \(city.name): facts and documents."),
                ]))
            }
        }
        var total = cities.count
        let room = Self.pageSize - resources.count
        if room > 0 {
            let page = try DocumentCatalog(index: index).list(offset: max(0, offset - cities.count), limit: room)
            total += page.total
            for document in page.documents {
                resources.append(.object([
                    "uri": .string(Self.documentPrefix + Self.encode(document.id)), "name": .string(document.id),
                    "title": .string(document.title), "mimeType": .string("text/markdown"),
                    "description": .string("\(document.type) (\(document.lang))"),
                ]))
            }
        } else {
            total += try DocumentCatalog(index: index).list(offset: 0, limit: 0).total
        }
        var answer: [String: JSONValue] = ["resources": .array(resources)]
        if offset + resources.count < total { answer["nextCursor"] = .string("o:\(offset + resources.count)") }
        return .object(answer)
    }

    /// The `resources/read` answer for `uri`.
    func read(uri: String) throws -> JSONValue {
        let text: String
        if uri.hasPrefix(Self.reportPrefix) {
            return try reportContents(uri: uri)
        }
        if uri.hasPrefix(Self.cityPrefix), let id = Self.decode(String(uri.dropFirst(Self.cityPrefix.count))) {
            text = try cityText(id: id, uri: uri)
        } else if uri.hasPrefix(Self.documentPrefix), let id = Self.decode(String(uri.dropFirst(Self.documentPrefix.count))) {
            guard let document = try DocumentCatalog(index: index).document(id: id) else {
                throw MCPError.unknownResource(uri, "no document has the id '\(id)'; find ids with the search or city tools")
            }
            text = Self.documentText(document)
        } else {
            throw MCPError.unknownResource(uri, "learncity's resources are \(Self.cityPrefix)<city id> and \(Self.documentPrefix)<document id>")
        }
        return .object(["contents": .array([.object(["uri": .string(uri), "mimeType": .string("text/markdown"), "text": .string(text)])])])
    }

    /// A partner report page for `learncity://report/<id>[?lang=vi|en]`.
    func reportContents(uri: String) throws -> JSONValue {
        let rest = String(uri.dropFirst(Self.reportPrefix.count))
        let parts = rest.split(separator: "?", maxSplits: 1).map(String.init)
        guard let id = parts.first.flatMap(Self.decode), let city = index.cities[id] else {
            throw MCPError.unknownResource(uri, "no city has that id; list ids with the cities tool")
        }
        var language: ReportLanguage?
        if parts.count == 2 {
            guard parts[1].hasPrefix("lang="), let parsed = ReportLanguage(rawValue: String(parts[1].dropFirst(5))) else {
                throw MCPError.unknownResource(uri, "the only query is ?lang=vi or ?lang=en")
            }
            language = parsed
        }
        let report = try PartnerReportBuilder(index: index).build(city: city.id, language: language, limit: 6,
                                                                   command: "learncity mcp (\(uri))")
        return .object(["contents": .array([.object(["uri": .string(uri), "mimeType": .string("text/html"),
                                                      "text": .string(PartnerReportPage(report: report).render())])])])
    }

    /// A city as Markdown: its facts, then its documents with their URIs and sources.
    func cityText(id: String, uri: String) throws -> String {
        guard let city = index.cities.all.first(where: { $0.id == id }) else {
            throw MCPError.unknownResource(uri, "no city has the id '\(id)'; list ids with the cities tool")
        }
        let detail = try CityCatalog(index: index).detail(of: city.id, limit: 1000)
        var lines = ["# \(city.name) (\(city.country))", ""]
        let facts = try JSONValue(encoding: detail.city).objectValue ?? [:]
        for key in facts.keys.sorted() where !["name", "summary", "status_note"].contains(key) {
            lines.append("- \(key): \(Self.inline(facts[key]!))")
        }
        for key in ["summary", "status_note"] {
            if let text = facts[key]?.stringValue { lines += ["", text] }
        }
        lines += ["", "## Documents (\(detail.total))", ""]
        let documents = DocumentCatalog(index: index)
        for listed in detail.documents {
            let source = try documents.document(id: listed.id)?.source.map { " (source: \($0))" } ?? ""
            let date = listed.date.map { ", \($0)" } ?? ""
            lines.append("- [\(listed.type), \(listed.lang)\(date)] \(listed.title) — \(Self.documentPrefix)\(Self.encode(listed.id))\(source)")
        }
        return lines.joined(separator: "\n")
    }

    /// A document as Markdown: title, facts, source, body.
    static func documentText(_ document: StoredDocument) -> String {
        var lines = ["# \(document.title)", "", "- id: \(document.id)", "- type: \(document.type.rawValue)",
                     "- language: \(document.lang.rawValue)"]
        if let date = document.date { lines.append("- date: \(date)") }
        if !document.cities.isEmpty { lines.append("- cities: \(document.cities.joined(separator: ", "))") }
        if !document.themes.isEmpty { lines.append("- themes: \(document.themes.joined(separator: ", "))") }
        lines.append("- source: \(document.source ?? "none given (a scraped article)")")
        lines += ["", document.body]
        return lines.joined(separator: "\n")
    }

    /// A fact's value on one line.
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .null: return "—"
        case .array(let elements): return elements.map(inline).joined(separator: ", ")
        case .object(let members): return members.keys.sorted().map { "\($0): \(inline(members[$0]!))" }.joined(separator: "; ")
        }
    }

    /// Characters kept as they are in a resource URI's id (RFC 3986 unreserved, and `/`).
    private static let idCharacters = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")

    /// `id` percent-encoded for a URI.
    static func encode(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: idCharacters) ?? id
    }

    /// The id in a URI's path, percent-decoded; nil when empty or badly encoded.
    static func decode(_ path: String) -> String? {
        guard !path.isEmpty, let id = path.removingPercentEncoding, !id.isEmpty else { return nil }
        return id
    }
}
