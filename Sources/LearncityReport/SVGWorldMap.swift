/// A world map as inline SVG: Natural Earth's countries in the Equal Earth
/// projection, some of them shaded, lines between cities and city markers
/// with labels that do not collide. Every marker carries `data-city`,
/// `data-lon`, `data-lat`, `data-x` and `data-y`, so that a test (or a
/// script) can check where it was drawn.
public struct SVGWorldMap: Sendable {
    /// The canvas.
    public var frame = MapFrame(width: 1000)
    /// CSS class per shaded country (ISO alpha-2 → class).
    public var shaded: [String: String] = [:]
    /// Lines, drawn under the markers.
    public var links: [MapLink] = []
    /// Markers, the most important first (their labels are placed first).
    public var markers: [MapMarker] = []
    /// Label font size in SVG units.
    public var fontSize = 13.0
    /// Accessible title of the map.
    public var title: String

    /// An empty map titled `title`.
    public init(title: String) {
        self.title = title
    }

    /// The SVG element.
    public func render() -> String {
        let width = frame.width, height = frame.height
        var svg = "<svg class=\"map\" viewBox=\"0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        svg += "<path class=\"sphere\" d=\"\(sphere())\"/>"
        svg += "<g class=\"countries\">"
        for country in WorldOutlines.all {
            let style = shaded[country.code].map { " \($0)" } ?? ""
            svg += "<path class=\"country\(style)\" data-country=\"\(country.code)\" d=\"\(country.svgPath(in: frame))\"><title>\(HTMLText.escape(country.name))</title></path>"
        }
        svg += "</g><g class=\"links\">"
        for link in links {
            let a = frame.point(longitude: link.from.longitude, latitude: link.from.latitude)
            let b = frame.point(longitude: link.to.longitude, latitude: link.to.latitude)
            // A gentle arc, so that lines to cities on one bearing stay apart.
            let mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2
            let dx = b.x - a.x, dy = b.y - a.y
            let cx = mx - dy * 0.15, cy = my + dx * 0.15
            svg += "<path class=\"link\" data-partner=\"\(HTMLText.escape(link.partner))\" stroke-width=\"\(SVGNumber.format(link.width))\" d=\"M\(SVGNumber.format(a.x)),\(SVGNumber.format(a.y))Q\(SVGNumber.format(cx)),\(SVGNumber.format(cy)) \(SVGNumber.format(b.x)),\(SVGNumber.format(b.y))\"/>"
        }
        svg += "</g>"
        let points = markers.map { frame.point(longitude: $0.longitude, latitude: $0.latitude) }
        var placer = LabelPlacer(width: width, height: height, fontSize: fontSize,
                                 markers: zip(markers, points).map { ($1.x, $1.y, $0.radius) })
        var labels = ""
        svg += "<g class=\"markers\">"
        for (marker, point) in zip(markers, points) {
            svg += "<circle class=\"marker \(marker.style)\" data-city=\"\(HTMLText.escape(marker.id))\" data-lon=\"\(marker.longitude)\" data-lat=\"\(marker.latitude)\" data-x=\"\(SVGNumber.format(point.x))\" data-y=\"\(SVGNumber.format(point.y))\" cx=\"\(SVGNumber.format(point.x))\" cy=\"\(SVGNumber.format(point.y))\" r=\"\(SVGNumber.format(marker.radius))\"><title>\(HTMLText.escape(marker.title))</title></circle>"
            guard marker.labelled, let placement = placer.place(marker.label, x: point.x, y: point.y, radius: marker.radius) else { continue }
            if placement.leader {
                let ex = max(placement.box.x, min(point.x, placement.box.x + placement.box.width))
                let ey = max(placement.box.y, min(point.y, placement.box.y + placement.box.height))
                labels += "<line class=\"leader\" x1=\"\(SVGNumber.format(point.x))\" y1=\"\(SVGNumber.format(point.y))\" x2=\"\(SVGNumber.format(ex))\" y2=\"\(SVGNumber.format(ey))\"/>"
            }
            labels += "<text class=\"label \(marker.style)\" data-label-for=\"\(HTMLText.escape(marker.id))\" x=\"\(SVGNumber.format(placement.x))\" y=\"\(SVGNumber.format(placement.y))\" text-anchor=\"\(placement.anchor)\" font-size=\"\(SVGNumber.format(fontSize))\">\(HTMLText.escape(marker.label))</text>"
        }
        svg += "</g><g class=\"labels\">\(labels)</g></svg>"
        return svg
    }

    /// The outline of the whole projected world (the edge of the map).
    private func sphere() -> String {
        var path = ""
        for (index, latitude) in stride(from: -90.0, through: 90.0, by: 5).enumerated() {
            let p = frame.point(longitude: 180, latitude: latitude)
            path += (index == 0 ? "M" : "L") + SVGNumber.format(p.x) + "," + SVGNumber.format(p.y)
        }
        for latitude in stride(from: 90.0, through: -90.0, by: -5) {
            let p = frame.point(longitude: -180, latitude: latitude)
            path += "L" + SVGNumber.format(p.x) + "," + SVGNumber.format(p.y)
        }
        return path + "Z"
    }
}
