import Foundation

/// Numbers as SVG wants them: short, locale-free.
enum SVGNumber {
    /// `value` with at most one decimal ("12.5", "3").
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
