/// A city drawn on a map: a circle at its coordinates, with a label.
public struct MapMarker: Sendable {
    /// City id (written as `data-city` for tests and scripts).
    public var id: String
    /// The label shown next to the circle.
    public var label: String
    /// Longitude in degrees.
    public var longitude: Double
    /// Latitude in degrees.
    public var latitude: Double
    /// Circle radius in SVG units.
    public var radius: Double
    /// CSS class of the circle (`source`, `partner`, or a region class).
    public var style: String
    /// Tooltip text.
    public var title: String
    /// Whether a label is drawn (the network map labels only some cities).
    public var labelled: Bool

    /// A marker.
    public init(id: String, label: String, longitude: Double, latitude: Double, radius: Double, style: String,
                title: String, labelled: Bool = true) {
        self.id = id
        self.label = label
        self.longitude = longitude
        self.latitude = latitude
        self.radius = radius
        self.style = style
        self.title = title
        self.labelled = labelled
    }
}
