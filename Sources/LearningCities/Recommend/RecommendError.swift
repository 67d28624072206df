/// Why a recommendation could not be made. Interfaces word these for their
/// users (the CLI names its flags, the server its params).
public enum RecommendError: Error, Equatable, CustomStringConvertible {
    /// Neither a city nor a text was given, or both were.
    case missingSource
    /// Both a city and a text were given.
    case cityAndText
    /// The text to recommend for is empty.
    case emptyText
    /// The city has no document in the index (or none about the focus theme).
    case noDocuments(city: String, theme: String?)
    /// The theme is not in the index's vocabulary.
    case unknownTheme(String, suggestions: [String])
    /// The region is not the region of any city.
    case unknownRegion(String, known: [String])
    /// A parameter is out of range or malformed.
    case invalidParameter(name: String, reason: String)

    /// A readable message.
    public var description: String {
        switch self {
        case .missingSource:
            return "name a city or describe one in a text"
        case .cityAndText:
            return "give either a city or a text, not both"
        case .emptyText:
            return "the text is empty: describe the city's lifelong-learning programmes"
        case .noDocuments(let city, let theme):
            if let theme { return "no document about \(city) has the theme '\(theme)'; nothing to compare" }
            return "no document about \(city) in the index; nothing to compare"
        case .unknownTheme(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: ", "))?)"
            return "unknown theme '\(name)'\(hint)"
        case .unknownRegion(let name, let known):
            return "unknown region '\(name)'; known regions: \(known.joined(separator: ", "))"
        case .invalidParameter(let name, let reason):
            return "invalid \(name): \(reason)"
        }
    }
}
