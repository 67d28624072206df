/// Finds the cities a text mentions, by name, alias or former name, on word
/// boundaries, case- and accent-insensitively: `Son La`, `SƠN LA` and
/// `Sơn La` all link to `vn-son-la`. Two guards keep it honest (see
/// `PhraseMatcher`): different accents do not match (`Vĩnh` is not `Vinh`),
/// and a one-word name must be capitalised in the text (`vinh dự` is not Vinh).
public struct CityGazetteer: Sendable {
    private var matcher = PhraseMatcher(requireCapitalizedSingleWords: true)

    /// A gazetteer of every name, alias and former name of `cities`.
    public init(cities: [City]) {
        for city in cities {
            for name in city.allNames { matcher.add(name, id: city.id) }
        }
    }

    /// The ids of the cities mentioned in `tokens`, in order of first mention.
    public func cities(mentionedIn tokens: [Token]) -> [String] {
        var seen: Set<String> = []
        return matcher.matches(in: tokens).map(\.id).filter { seen.insert($0).inserted }
    }
}
