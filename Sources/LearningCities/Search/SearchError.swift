/// Why a search could not run, in words a user can act on.
public enum SearchError: Error, Equatable, CustomStringConvertible {
    /// The query is empty or only white space.
    case emptyQuery
    /// Xapian's QueryParser rejected the query.
    case syntax(query: String, message: String)
    /// A parameter is out of range or not one of the allowed values.
    case invalidParameter(name: String, reason: String)
    /// The city filter names no known city.
    case unknownCity(String, suggestions: [String])

    /// A readable message.
    public var description: String {
        switch self {
        case .emptyQuery: return "empty query: type some words to search for, e.g. learncity search \"hoc tap suot doi\""
        case .syntax(let query, let message): return "cannot parse query '\(query)': \(message)"
        case .invalidParameter(let name, let reason): return "invalid \(name): \(reason)"
        case .unknownCity(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: ", "))?)"
            return "unknown city '\(name)'\(hint)"
        }
    }
}
