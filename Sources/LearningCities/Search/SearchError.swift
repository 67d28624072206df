/// Why a search could not run. Interfaces word these for their users
/// (the CLI names its flags, the server its params).
public enum SearchError: Error, Equatable, CustomStringConvertible {
    /// The query is empty or only white space.
    case emptyQuery
    /// Xapian's QueryParser rejected the query.
    case syntax(query: String, message: String)
    /// A parameter is out of range or not one of the allowed values.
    case invalidParameter(name: String, reason: String)

    /// A readable message.
    public var description: String {
        switch self {
        case .emptyQuery: return "empty query: give some words to search for"
        case .syntax(let query, let message): return "cannot parse query '\(query)': \(message)"
        case .invalidParameter(let name, let reason): return "invalid \(name): \(reason)"
        }
    }
}
