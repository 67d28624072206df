import Foundation

/// The Equal Earth map projection (Šavrič, Patterson and Jenny, 2018): an
/// equal-area pseudo-cylindrical projection for world maps, so that no
/// region looks bigger than it is (plain longitude/latitude stretches the
/// north and the south).
public enum EqualEarthProjection {
    private static let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796
    private static let m = 3.0.squareRoot() / 2

    /// `longitude`, `latitude` (degrees) in projection units, north up:
    /// `x` in ±`maxX`, `y` in ±`maxY`.
    public static func project(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        let lambda = max(-180, min(180, longitude)) * .pi / 180
        let phi = max(-90, min(90, latitude)) * .pi / 180
        let theta = asin(m * sin(phi))
        let t2 = theta * theta, t6 = t2 * t2 * t2
        let x = lambda * cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
        let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
        return (x, y)
    }

    /// Half the width of the world in projection units (the equator at ±180°).
    public static let maxX = project(longitude: 180, latitude: 0).x
    /// Half the height of the world in projection units (the poles).
    public static let maxY = project(longitude: 0, latitude: 90).y
}
