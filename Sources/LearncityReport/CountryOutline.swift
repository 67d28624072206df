/// One country of the world map: its ISO code, its name and its outline rings.
public struct CountryOutline: Sendable {
    /// ISO 3166-1 alpha-2 code ("" for the few territories without one).
    public let code: String
    /// English name (Natural Earth's).
    public let name: String
    /// Rings of (longitude, latitude) points in degrees.
    public let rings: [[(longitude: Double, latitude: Double)]]

    /// The outline as an SVG path in `frame`.
    public func svgPath(in frame: MapFrame) -> String {
        var path = ""
        for ring in rings {
            for (index, point) in ring.enumerated() {
                let p = frame.point(longitude: point.longitude, latitude: point.latitude)
                path += (index == 0 ? "M" : "L") + SVGNumber.format(p.x) + "," + SVGNumber.format(p.y)
            }
            path += "Z"
        }
        return path
    }
}
