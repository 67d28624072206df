/// A line on a map from one city to another, as wide as the link is strong.
public struct MapLink: Sendable {
    /// Start (longitude, latitude) in degrees.
    public var from: (longitude: Double, latitude: Double)
    /// End (longitude, latitude) in degrees.
    public var to: (longitude: Double, latitude: Double)
    /// Stroke width in SVG units.
    public var width: Double
    /// Id of the city at the end (`data-partner`).
    public var partner: String

    /// A link.
    public init(from: (longitude: Double, latitude: Double), to: (longitude: Double, latitude: Double), width: Double,
                partner: String) {
        self.from = from
        self.to = to
        self.width = width
        self.partner = partner
    }
}
