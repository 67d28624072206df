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

    /// Up to `limit` cities whose id, name or alias is closest to `text`, for "did you mean".
    public func suggestions(for text: String, limit: Int = 3) -> [City] {
        ClosestNames.closest(to: text, in: byName.map { (name: $0.key, items: $0.value.compactMap { byID[$0] }) }, limit: limit,
                             id: \.id, order: \.name)
    }

    /// Lower-case, accent-free, with runs of other characters as one space.
    static func key(_ text: String) -> String {
        Tokenizer().tokens(of: text).map(\.folded).joined(separator: " ")
    }
}
