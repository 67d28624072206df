/// Where the projected world sits on an SVG canvas: `width` pixels wide, as
/// high as Equal Earth's proportions make it.
public struct MapFrame: Sendable {
    /// Canvas width in SVG units.
    public let width: Double
    /// Canvas height in SVG units.
    public var height: Double { (width * EqualEarthProjection.maxY / EqualEarthProjection.maxX).rounded() }

    /// A frame `width` units wide.
    public init(width: Double) {
        self.width = width
    }

    /// The canvas point of `longitude`, `latitude` (degrees); y grows southwards, as in SVG.
    public func point(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        let projected = EqualEarthProjection.project(longitude: longitude, latitude: latitude)
        return ((projected.x / EqualEarthProjection.maxX + 1) / 2 * width,
                (1 - projected.y / EqualEarthProjection.maxY) / 2 * height)
    }
}
