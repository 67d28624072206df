import JSONRPC
import LearncityServe
import LearningCities

/// The text of a failed tool call: what went wrong and how to fix the call,
/// for a model to read and correct itself.
enum MCPToolErrorText {
    /// `error` from running `tool`, with a hint.
    static func text(for error: JSONRPCError, tool: MCPTool) -> String {
        var text = "Error: \(error.message)."
        if text.hasSuffix("..") { text.removeLast() }
        switch error.code {
        case JSONRPCErrorCode.unknownCity.rawValue:
            // The message already names the suggestions (CityError words them); they are in data too.
            text += " Give a city id, name or alias; the `cities` tool lists them (e.g. {\"country\": \"VN\"})."
        case JSONRPCErrorCode.emptyQuery.rawValue:
            text += " Give `query` some words, e.g. {\"query\": \"literacy\"} or {\"query\": \"hoc tap suot doi\"}."
        case JSONRPCErrorCode.querySyntax.rawValue:
            text += " Remove unbalanced quotes, brackets or a trailing operator, or search plain words."
        case JSONRPCErrorCode.invalidParams.rawValue:
            text += " Arguments of `\(tool.name)`: \(tool.argumentNames.joined(separator: ", ")) (see its input schema)."
        case JSONRPCErrorCode.noDocuments.rawValue:
            text += " Try another city, or give `text` describing its programmes."
        case JSONRPCErrorCode.indexUnavailable.rawValue:
            text += " The index must be built first: run `learncity index` (or start `learncity mcp` with --index pointing to one)."
        default:
            break
        }
        return text
    }
}
