/// "Did you mean": the known names closest to a name that matched nothing,
/// for every vocabulary looked up by name (cities, themes). Names are
/// compared as `CityDirectory.key` makes them (lower case, accent-free).
enum ClosestNames {
    /// Up to `limit` items of `named` (each normalised name with the items
    /// it denotes) whose name is closest to `text`: by edit distance, a name
    /// that starts or ends the other counting as one edit, one inside the
    /// other (three characters or more) as two; at most `max(2, length / 3)`
    /// edits. Ties go to the smaller `order`; each `id` appears once.
    static func closest<Item>(to text: String, in named: some Sequence<(name: String, items: [Item])>, limit: Int,
                              id: (Item) -> String, order: (Item) -> String) -> [Item] {
        let key = CityDirectory.key(text)
        guard !key.isEmpty else { return [] }
        var scored: [(distance: Int, item: Item)] = []
        for (name, items) in named {
            var distance = EditDistance.between(key, name)
            if name.hasPrefix(key) || key.hasPrefix(name) { distance = min(distance, 1) }
            if (name.contains(key) && key.count >= 3) || (key.contains(name) && name.count >= 3) { distance = min(distance, 2) }
            guard distance <= max(2, key.count / 3) else { continue }
            scored += items.map { (distance, $0) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : order($0.item) < order($1.item) }
        var seen: Set<String> = []
        return scored.map(\.item).filter { seen.insert(id($0)).inserted }.prefix(limit).map { $0 }
    }
}

/// Levenshtein distance over characters.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
