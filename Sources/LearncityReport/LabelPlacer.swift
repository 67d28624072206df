/// Places map labels so that they do not collide: each label tries the
/// positions around its marker in turn (right, left, above, below, the
/// corners, then farther out with a leader line) and takes the first one
/// that overlaps no label placed before it, no marker and stays on the map.
/// Labels are placed in the order given (the most important first).
struct LabelPlacer {
    /// An axis-aligned box.
    struct Box {
        var x: Double, y: Double, width: Double, height: Double

        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    /// Where one label went.
    struct Placement {
        /// Text anchor point (SVG `x`, baseline `y`).
        var x: Double, y: Double
        /// `start`, `middle` or `end`.
        var anchor: String
        /// The box it takes.
        var box: Box
        /// True when it sits away from its marker (a leader line is drawn).
        var leader: Bool
    }

    let width: Double
    let height: Double
    let fontSize: Double
    private(set) var taken: [Box] = []

    init(width: Double, height: Double, fontSize: Double, markers: [(x: Double, y: Double, radius: Double)]) {
        self.width = width
        self.height = height
        self.fontSize = fontSize
        taken = markers.map { Box(x: $0.x - $0.radius, y: $0.y - $0.radius, width: 2 * $0.radius, height: 2 * $0.radius) }
    }

    /// Rough width of `text` at the font size (the page uses a sans-serif font).
    func textWidth(_ text: String) -> Double {
        Double(text.count) * fontSize * 0.56 + 2
    }

    /// Places `text` next to the marker at (`x`, `y`) of `radius`; nil when no position is free.
    mutating func place(_ text: String, x: Double, y: Double, radius: Double) -> Placement? {
        let w = textWidth(text), h = fontSize * 1.15
        for distance in [radius + 3, radius + 14, radius + 28] {
            let candidates: [(dx: Double, dy: Double, anchor: String)] = [
                (distance, 0, "start"), (-distance, 0, "end"), (0, -distance, "middle"), (0, distance + h * 0.6, "middle"),
                (distance * 0.8, -distance * 0.8, "start"), (distance * 0.8, distance * 0.8, "start"),
                (-distance * 0.8, -distance * 0.8, "end"), (-distance * 0.8, distance * 0.8, "end"),
            ]
            for candidate in candidates {
                let ax = x + candidate.dx, baseline = y + candidate.dy + h * 0.35
                let left = candidate.anchor == "start" ? ax : candidate.anchor == "end" ? ax - w : ax - w / 2
                let box = Box(x: left, y: baseline - h * 0.8, width: w, height: h)
                guard box.x >= 0, box.y >= 0, box.x + box.width <= width, box.y + box.height <= height,
                      !taken.contains(where: { $0.overlaps(box) }) else { continue }
                taken.append(box)
                return Placement(x: ax, y: baseline, anchor: candidate.anchor, box: box, leader: distance > radius + 3)
            }
        }
        return nil
    }
}
