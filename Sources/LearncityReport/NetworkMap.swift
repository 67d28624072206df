import Foundation
import LearningCities

/// The whole network on one map: every city with coordinates, coloured by
/// UNESCO region and sized by its number of programmes (initiative
/// documents), optionally one country or one theme.
public struct NetworkMap: Sendable {
    /// One city on the map.
    public struct Entry: Sendable {
        public var city: City
        public var programmes: Int
    }

    /// The cities shown (with or without coordinates).
    public var entries: [Entry]
    /// What was asked for ("country VN", "theme literacy"), for the title.
    public var scope: String?
    /// The page's language.
    public var language: ReportLanguage
    /// The command line that made the page.
    public var command: String
    /// The day the index was last written.
    public var indexDate: String?

    /// Reads the map from `index`: cities of `country` (ISO code) with programmes on `theme` (id or name), or all.
    public static func build(index: IndexReader, country: String?, theme: String?, language: ReportLanguage,
                             command: String) throws -> NetworkMap {
        var themeID: String?
        if let theme {
            guard let found = index.themes[theme] ?? index.themes.matching(theme) else {
                let known = index.themes.suggestions(for: theme)
                throw ReportError.unknownTheme(theme, suggestions: known)
            }
            themeID = found.id
        }
        var code: String?
        if let country {
            guard let normalized = CountryCode.normalized(country) else { throw ReportError.invalidCountry(country) }
            code = normalized
        }
        var programmes: [String: Int] = [:]
        try DocumentCatalog(index: index).forEach { document in
            guard document.type == .initiative, themeID.map({ document.themes.contains($0) }) ?? true else { return }
            for city in Set(document.cities) { programmes[city, default: 0] += 1 }
        }
        let cities = index.cities.all.filter { city in
            (code == nil || city.country == code) && (themeID == nil || programmes[city.id, default: 0] > 0)
        }
        let scope = [code.map { "country \($0)" }, themeID.map { "theme \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return NetworkMap(entries: cities.map { Entry(city: $0, programmes: programmes[$0.id] ?? 0) },
                          scope: scope.isEmpty ? nil : scope, language: language, command: command,
                          indexDate: PartnerReportBuilder.indexDate(index.path))
    }

    /// The CSS class of a UNESCO region name ("Asia and the Pacific" → `region-asia-and-the-pacific`).
    static func regionClass(_ region: String?) -> String {
        guard let region, !region.isEmpty else { return "region-unknown" }
        let slug = region.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return "region-" + slug.split(separator: "-").joined(separator: "-")
    }

    /// The HTML page.
    public func render() -> String {
        let labels = ReportLabels(language: language)
        let e = HTMLText.escape
        var map = SVGWorldMap(title: labels.networkTitle)
        map.fontSize = 11
        let placed = entries.filter { $0.city.lat != nil && $0.city.lon != nil }
            .sorted { ($0.programmes, $1.city.id) > ($1.programmes, $0.city.id) }
        map.markers = placed.enumerated().map { offset, entry in
            MapMarker(id: entry.city.id, label: entry.city.name, longitude: entry.city.lon!, latitude: entry.city.lat!,
                      radius: 3 + 1.6 * Double(entry.programmes).squareRoot(), style: Self.regionClass(entry.city.region),
                      title: "\(entry.city.name) (\(entry.city.country)): \(entry.programmes) \(labels.programmesCount)",
                      labelled: offset < 40)
        }
        for entry in entries { map.shaded[entry.city.country] = "partner-country" }
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(e(labels.networkTitle))</title>\n<style>\(ReportStyle.css)</style>\n</head>\n<body>\n<main>\n"
        html += "<header><p class=\"kicker\">UNESCO GNLC</p><h1>\(e(labels.networkTitle))</h1>"
        html += "<p class=\"facts\">\(entries.count) \(e(labels.cities))\(scope.map { " · \(e($0))" } ?? "")</p></header>\n"
        html += "<section class=\"map-section\">\(map.render())<p class=\"note\">\(e(labels.networkNote))</p><ul class=\"legend\">"
        let regions = Set(entries.map { $0.city.region ?? "" }).sorted()
        for region in regions {
            html += "<li><span class=\"dot \(Self.regionClass(region))\" aria-hidden=\"true\">●</span>\(e(region.isEmpty ? "—" : region))</li>"
        }
        html += "</ul></section>\n"
        let missing = entries.filter { $0.city.lat == nil || $0.city.lon == nil }
        if !missing.isEmpty {
            html += "<section><h2>\(e(labels.noCoordinates))</h2><p>\(missing.map { e($0.city.name) }.joined(separator: ", "))</p></section>\n"
        }
        var footer: [String] = []
        if let day = indexDate { footer.append("\(e(labels.indexBuilt)) \(e(ReportDate.format(day, in: language)))") }
        footer.append("\(e(labels.madeWith)) <code>\(e(command))</code>")
        html += "<footer><p>\(footer.joined(separator: " · "))</p></footer>\n</main>\n</body>\n</html>\n"
        return html
    }
}
