/// One partner report as a self-contained HTML page: inline CSS and SVG, no
/// script, no external request but the source links.
public struct PartnerReportPage {
    /// The report shown.
    public let report: PartnerReport
    /// Below this best score the page says that even the best match is weak (as it does when the recommender says so).
    public static let weakScore = 0.3

    /// A page for `report`.
    public init(report: PartnerReport) {
        self.report = report
    }

    private var labels: ReportLabels { ReportLabels(language: report.language) }
    private func e(_ text: String) -> String { HTMLText.escape(text) }
    private func themeLabel(_ id: String) -> String { report.themeLabels[id] ?? id }

    /// The HTML document.
    public func render() -> String {
        let city = report.city
        let countryName = CountryNames.name(city.country, in: report.language)
        var html = "<!DOCTYPE html>\n<html lang=\"\(labels.htmlLang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(e(labels.reportTitle)): \(e(city.name))</title>\n<style>\(ReportStyle.css)</style>\n</head>\n<body>\n<main>\n"
        html += header(countryName: countryName)
        html += "<section class=\"map-section\"><h2>\(e(labels.mapTitle))</h2>\(map().render())<p class=\"note\">\(e(labels.mapNote))</p></section>\n"
        html += partnersSection()
        html += matrixSection()
        html += programmesSection()
        html += footer()
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private func header(countryName: String) -> String {
        let city = report.city
        var facts: [String] = []
        if let status = report.status { facts.append("\(labels.status): \(status)") }
        facts.append(city.joined.map { "\(labels.joined) \($0)" } ?? labels.notJoined)
        var html = "<header><p class=\"kicker\">\(e(labels.learningCity))</p>"
        html += "<h1>\(e(city.name)) <span class=\"country\">\(e(countryName))</span></h1>"
        html += "<p class=\"facts\">\(e(facts.joined(separator: " · ")))</p>"
        let themes = report.cityThemes.prefix(8)
        if !themes.isEmpty {
            html += "<p class=\"facts\">\(e(labels.worksOn)):</p><ul class=\"chips\">"
            html += themes.map { "<li>\(e(themeLabel($0)))</li>" }.joined() + "</ul>"
        }
        return html + "</header>\n"
    }

    /// The world map: the city, its partners, a line to each as wide as its score, the partners' countries shaded.
    func map() -> SVGWorldMap {
        var map = SVGWorldMap(title: "\(labels.mapTitle): \(report.city.name)")
        map.shaded[report.city.country] = "source-country"
        let source = report.city
        var markers: [MapMarker] = []
        if let lat = source.lat, let lon = source.lon {
            markers.append(MapMarker(id: source.id, label: source.name, longitude: lon, latitude: lat, radius: 7,
                                     style: "source", title: source.name))
        }
        for partner in report.partners {
            if partner.city.country != source.country { map.shaded[partner.city.country] = "partner-country" }
            guard let lat = partner.city.lat, let lon = partner.city.lon else { continue }
            markers.append(MapMarker(id: partner.city.id, label: "\(partner.rank). \(partner.city.name)", longitude: lon,
                                     latitude: lat, radius: 5, style: "partner",
                                     title: "\(partner.rank). \(partner.city.name) (\(labels.percent(partner.score)))"))
            if let slat = source.lat, let slon = source.lon {
                map.links.append(MapLink(from: (slon, slat), to: (lon, lat), width: 1 + 5 * max(0, min(1, partner.score)),
                                         partner: partner.city.id))
            }
        }
        map.markers = markers
        return map
    }

    private func partnersSection() -> String {
        var html = "<section class=\"partners\"><h2>\(e(labels.partners))</h2>"
        guard let best = report.partners.first else { return html + "<p>\(e(labels.noPartners))</p></section>\n" }
        if report.weak || best.score < Self.weakScore { html += "<p class=\"weak\">\(e(labels.weakMatch))</p>" }
        html += "<ol class=\"cards\">"
        for partner in report.partners {
            let percent = labels.percent(partner.score)
            html += "<li class=\"card\" data-partner=\"\(e(partner.city.id))\">"
            html += "<h3><span class=\"rank\">\(partner.rank)</span>\(e(partner.city.name)) <span class=\"country\">\(e(CountryNames.name(partner.city.country, in: report.language)))</span></h3>"
            html += "<div class=\"bar\" role=\"img\" aria-label=\"\(e(labels.score)) \(percent)\"><div class=\"fill\" style=\"width:\(Int((max(0, min(1, partner.score)) * 100).rounded()))%\"></div></div>"
            html += "<div class=\"score\">\(e(labels.score)): \(percent)</div>"
            if !partner.concepts.isEmpty {
                html += "<p class=\"label-small\">\(e(labels.sharedConcepts))</p><ul class=\"chips concepts\">"
                html += partner.concepts.prefix(8).map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            }
            if !partner.themes.isEmpty {
                html += "<p class=\"label-small\">\(e(labels.sharedThemes))</p><ul class=\"chips\">"
                html += partner.themes.prefix(3).map { "<li>\(e(themeLabel($0)))</li>" }.joined() + "</ul>"
            }
            if !partner.pairs.isEmpty {
                html += "<p class=\"label-small\">\(e(labels.pairedInitiatives))</p><ul class=\"pairs\">"
                for pair in partner.pairs {
                    html += "<li>"
                    if let own = pair.source { html += "\(e(report.city.name)): \(link(own))<span class=\"arrow\">↔</span>" }
                    html += "\(e(partner.city.name)): \(link(pair.partner))</li>"
                }
                html += "</ul>"
            }
            html += "</li>"
        }
        return html + "</ol></section>\n"
    }

    /// A document's title, linked to its source when it has one.
    private func link(_ document: PartnerReport.Document) -> String {
        guard let source = document.source, source.hasPrefix("http://") || source.hasPrefix("https://") else { return e(document.title) }
        return "<a href=\"\(e(source))\" rel=\"noopener\">\(e(document.title))</a>"
    }

    private func matrixSection() -> String {
        let rows = [report.city] + report.partners.map(\.city)
        var themes = report.cityThemes
        for partner in report.partners {
            for (theme, strength) in (report.themeStrengths[partner.city.id] ?? [:]) where strength > 0 && !themes.contains(theme) {
                themes.append(theme)
            }
        }
        guard !themes.isEmpty else { return "" }
        var html = "<section class=\"matrix-section\"><h2>\(e(labels.themeMatrix))</h2><p class=\"note\">\(e(labels.themeMatrixNote))</p>"
        html += "<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th scope=\"col\">\(e(labels.city))</th>"
        html += themes.map { "<th scope=\"col\">\(e(themeLabel($0)))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            html += "<tr><th scope=\"row\">\(e(row.name))</th>"
            for theme in themes {
                let strength = report.themeStrengths[row.id]?[theme] ?? 0
                let alpha = (strength * 0.85 * 100).rounded() / 100
                let ink = strength > 0.5 ? "#fff" : "inherit"
                html += "<td style=\"background:rgba(11,110,153,\(alpha));color:\(ink)\" data-strength=\"\((strength * 100).rounded() / 100)\">\(strength > 0 ? labels.percent(strength) : "")</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div></section>\n"
    }

    private func programmesSection() -> String {
        var html = "<section class=\"programmes-section\"><h2>\(e(labels.ownProgrammes)): \(e(report.city.name))</h2>"
        guard !report.programmes.isEmpty else { return html + "<p>\(e(labels.noProgrammes))</p></section>\n" }
        html += "<ul class=\"programmes\">"
        for document in report.programmes {
            let date = document.date.map { " (\(e(ReportDate.format($0, in: report.language))))" } ?? ""
            html += "<li>\(link(document))\(date)</li>"
        }
        return html + "</ul></section>\n"
    }

    private func footer() -> String {
        var parts: [String] = []
        if let day = report.indexDate { parts.append("\(e(labels.indexBuilt)) \(e(ReportDate.format(day, in: report.language)))") }
        let dates = (report.programmes + report.partners.flatMap { $0.pairs.map(\.partner) }).compactMap(\.date)
        if let newest = dates.max() { parts.append("\(e(labels.newestDocument)): \(e(ReportDate.format(newest, in: report.language)))") }
        parts.append("\(e(labels.madeWith)) <code>\(e(report.command))</code>")
        return "<footer><p>\(parts.joined(separator: " · "))</p></footer>\n"
    }
}
