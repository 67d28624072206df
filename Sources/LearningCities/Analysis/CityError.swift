/// Why a city name does not denote exactly one city. Every method that takes
/// a city (search's filter, `city`, `recommend`) throws this one error, so
/// every interface reports an unknown or ambiguous city the same way.
public enum CityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No city has this id, name or alias; `suggestions` are the closest names.
    case unknown(String, suggestions: [City])
    /// Several cities have this name or alias.
    case ambiguous(String, candidates: [City])

    /// The name as given.
    public var name: String {
        switch self {
        case .unknown(let name, _), .ambiguous(let name, _): return name
        }
    }

    /// The cities offered instead: close names, or the cities sharing the name.
    public var alternatives: [City] {
        switch self {
        case .unknown(_, let cities), .ambiguous(_, let cities): return cities
        }
    }

    /// "Name (id)" for each alternative, as messages and JSON-RPC data show them.
    public var alternativeLabels: [String] {
        alternatives.map { "\($0.name) (\($0.id))" }
    }

    /// A readable message.
    public var description: String {
        switch self {
        case .unknown(let name, _):
            let labels = alternativeLabels
            let hint = labels.isEmpty ? "" : " (did you mean \(labels.joined(separator: ", "))?)"
            return "unknown city '\(name)'\(hint)"
        case .ambiguous(let name, _):
            return "'\(name)' is ambiguous: did you mean \(alternativeLabels.joined(separator: " or "))?"
        }
    }
}
