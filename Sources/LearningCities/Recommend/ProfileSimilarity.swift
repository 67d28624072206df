/// Cosine similarity of two idf-weighted profiles (concepts or themes), on
/// 0…1, with each shared key's part of it, so that reasons can name what
/// made two cities similar.
struct ProfileSimilarity {
    /// The cosine, 0 when either side is empty.
    var value: Double
    /// Shared keys with their contribution to `value`, largest first.
    var contributions: [(key: String, part: Double)]

    /// The similarity of `a` and `b` (both already idf-weighted).
    init(_ a: [String: Double], _ b: [String: Double]) {
        var dot = 0.0
        var parts: [(key: String, part: Double)] = []
        for (key, x) in a.sorted(by: { $0.key < $1.key }) {
            guard let y = b[key], x > 0, y > 0 else { continue }
            dot += x * y
            parts.append((key, x * y))
        }
        let norms = (a.values.sorted().reduce(0) { $0 + $1 * $1 }).squareRoot() * (b.values.sorted().reduce(0) { $0 + $1 * $1 }).squareRoot()
        value = norms > 0 ? min(1, dot / norms) : 0
        contributions = parts.map { (key: $0.key, part: norms > 0 ? $0.part / norms : 0) }
            .sorted { $0.part != $1.part ? $0.part > $1.part : $0.key < $1.key }
    }
}
