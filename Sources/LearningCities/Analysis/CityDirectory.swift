import Foundation
import Synchronization

/// The cities of an index, looked up by id, name or alias (accent- and
/// case-insensitively), with "did you mean" suggestions for unknown names.
public struct CityDirectory: Sendable {
    /// Every city, in corpus order.
    public let all: [City]
    private let byID: [String: City]
    private let names: NameIndex

    /// A directory of `cities`.
    public init(cities: [City]) {
        all = cities
        byID = Dictionary(cities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        names = NameIndex(cities: cities)
    }

    /// Normalised names → city ids, built on first use: most commands never
    /// look a city up by name, and analysing every alias costs start-up time.
    private final class NameIndex: Sendable {
        private let cities: [City]
        private let built = Mutex<[String: [String]]?>(nil)

        init(cities: [City]) {
            self.cities = cities
        }

        var byName: [String: [String]] {
            built.withLock { built in
                if let built { return built }
                var byName: [String: [String]] = [:]
                for city in cities {
                    for name in [city.id] + city.allNames {
                        let key = CityDirectory.key(name)
                        if !(byName[key]?.contains(city.id) ?? false) { byName[key, default: []].append(city.id) }
                    }
                }
                built = byName
                return byName
            }
        }
    }

    private var byName: [String: [String]] { names.byName }

    /// The city with this id.
    public subscript(id: String) -> City? { byID[id] }

    /// Cities whose id, name or alias is `text` (ignoring case, accents and punctuation).
    public func matching(_ text: String) -> [City] {
        (byName[Self.key(text)] ?? []).compactMap { byID[$0] }
    }

    /// The one city that `name` (an id, or a name or alias ignoring case and
    /// accents) denotes: the single resolver behind every city parameter.
    public func resolve(_ name: String) throws(CityError) -> City {
        if let city = self[name] { return city }
        let matches = matching(name)
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw CityError.ambiguous(name, candidates: matches) }
        throw CityError.unknown(name, suggestions: suggestions(for: name))
    }

    /// Up to `limit` city names closest to `text`, for "did you mean".
    public func suggestions(for text: String, limit: Int = 3) -> [City] {
        let key = Self.key(text)
        guard !key.isEmpty else { return [] }
        var best: [(distance: Int, city: City)] = []
        for (name, ids) in byName {
            var distance = EditDistance.between(key, name)
            if name.hasPrefix(key) || key.hasPrefix(name) { distance = min(distance, 1) }
            if name.contains(key), key.count >= 3 { distance = min(distance, 2) }
            guard distance <= max(2, key.count / 3) else { continue }
            for id in ids { if let city = byID[id] { best.append((distance, city)) } }
        }
        best.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.city.name < $1.city.name }
        var seen: Set<String> = []
        return best.map(\.city).filter { seen.insert($0.id).inserted }.prefix(limit).map { $0 }
    }

    /// Lower-case, accent-free, with runs of other characters as one space.
    static func key(_ text: String) -> String {
        Tokenizer().tokens(of: text).map(\.folded).joined(separator: " ")
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
