/// Why a report or map cannot be made, for the CLI and the server to word.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// No theme has this id or name; close ones are suggested.
    case unknownTheme(String, suggestions: [String])
    /// Not a two-letter ISO country code.
    case invalidCountry(String)

    public var description: String {
        switch self {
        case .unknownTheme(let theme, let suggestions):
            return "unknown theme '\(theme)'" + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: ", "))?)")
        case .invalidCountry(let country):
            return "'\(country)' is not a two-letter ISO country code such as VN"
        }
    }
}
