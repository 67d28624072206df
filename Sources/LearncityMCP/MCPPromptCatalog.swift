import Foundation
import JSONRPC
import LearncityServe
import LearningCities

/// Prompts an assistant's user can pick: ready-made requests that bring the
/// city's record along and tell the assistant which learncity tools to use.
struct MCPPromptCatalog {
    /// The index read (to resolve and embed the city).
    let index: IndexReader

    /// One prompt argument.
    struct Argument {
        let name: String
        let description: String
        let required: Bool
    }

    /// One prompt.
    struct Prompt {
        let name: String
        let title: String
        let description: String
        let arguments: [Argument]
    }

    static let cityArgument = Argument(name: "city", description: "The city: an id, name or alias, accents optional (vn-son-la, Sơn La, TP.HCM).", required: true)
    static let langArgument = Argument(name: "lang", description: "Language of the answer: vi or en (default: Vietnamese for Vietnamese cities, otherwise English).", required: false)

    /// Every prompt.
    static let all: [Prompt] = [
        Prompt(name: "find-partners", title: "Find partner cities",
               description: "Find partner cities for a learning city, optionally on one theme, and explain each with evidence.",
               arguments: [cityArgument,
                           Argument(name: "theme", description: "Optional theme to focus on, e.g. literacy, older-people, \"Xóa mù chữ\".", required: false),
                           langArgument]),
        Prompt(name: "summarise-city", title: "Summarise a city's programmes",
               description: "Summarise what a learning city does for lifelong learning, with the sources.",
               arguments: [cityArgument, langArgument]),
        Prompt(name: "draft-partnership-email", title: "Draft a partnership e-mail",
               description: "Draft a first e-mail from one learning city's education office to a candidate partner city, based on what both do.",
               arguments: [cityArgument,
                           Argument(name: "partner", description: "The candidate partner city: id, name or alias.", required: true),
                           langArgument]),
    ]

    /// The `prompts/list` answer.
    static var listing: JSONValue {
        .object(["prompts": .array(all.map { prompt in
            .object(["name": .string(prompt.name), "title": .string(prompt.title), "description": .string(prompt.description),
                     "arguments": .array(prompt.arguments.map {
                         .object(["name": .string($0.name), "description": .string($0.description), "required": .bool($0.required)])
                     })])
        })])
    }

    /// The `prompts/get` answer for `name` with `arguments`.
    func get(name: String, arguments: [String: String]) throws -> JSONValue {
        guard let prompt = Self.all.first(where: { $0.name == name }) else {
            throw MCPError.invalidParam("name", "no prompt is called '\(name)' (prompts: \(Self.all.map(\.name).joined(separator: ", ")))")
        }
        for argument in prompt.arguments where argument.required && (arguments[argument.name] ?? "").isEmpty {
            throw MCPError.invalidParam("arguments.\(argument.name)", "missing: \(argument.description)")
        }
        if let unknown = arguments.keys.sorted().first(where: { key in !prompt.arguments.contains { $0.name == key } }) {
            throw MCPError.invalidParam("arguments.\(unknown)", "not an argument of '\(name)' (arguments: \(prompt.arguments.map(\.name).joined(separator: ", ")))")
        }
        let city = try resolve(arguments["city"] ?? "", argument: "city")
        let lang = arguments["lang"] ?? (city.country == "VN" ? "vi" : "en")
        guard lang == "vi" || lang == "en" else { throw MCPError.invalidParam("arguments.lang", "must be vi or en, not '\(lang)'") }
        let language = lang == "vi" ? "Vietnamese" : "English"
        let resources = MCPResourceCatalog(index: index)
        var messages = [try embedded(city, resources)]
        let instruction: String
        switch prompt.name {
        case "find-partners":
            let theme = arguments["theme"].map { " on the theme “\($0)”" } ?? ""
            let themeArgument = arguments["theme"].map { ", \"theme\": \"\($0)\"" } ?? ""
            instruction = """
                Find partner cities for \(city.name) (\(city.id)) in the UNESCO Global Network of Learning Cities\(theme). \
                Call the learncity tool `recommend` with {"city": "\(city.id)"\(themeArgument), "limit": 5}. For each \
                proposed partner, say in two or three sentences why its programmes resemble \(city.name)'s, citing the \
                evidence documents by title with their source URLs (read them as learncity://doc/<id> resources when \
                needed), and say plainly when a match is weak. Answer in \(language).
                """
        case "summarise-city":
            instruction = """
                Summarise what \(city.name) (\(city.id)) does for lifelong learning, from its record above and its \
                documents (read them as learncity://doc/<id> resources, or use the `city` and `search` tools). Group \
                the programmes by kind, keep hedges such as "planned" or "by 2030", and cite each fact's source URL. \
                Answer in \(language).
                """
        default:
            let partner = try resolve(arguments["partner"] ?? "", argument: "partner")
            messages.append(try embedded(partner, resources))
            instruction = """
                Draft a short first e-mail from the education office of \(city.name) to its counterpart in \
                \(partner.name), proposing an exchange between the two learning cities. Base it only on what the two \
                records above and their documents say (use the `search` tool with {"query": "…", "city": "\(partner.id)"} \
                to find more); name one or two concrete programmes on each side with their sources, and invent no \
                facts, names or dates. Write it in \(language).
                """
        }
        messages.append(.object(["role": .string("user"), "content": .object(["type": .string("text"), "text": .string(instruction)])]))
        return .object(["description": .string(prompt.description), "messages": .array(messages)])
    }

    /// The city named `name`, or an invalid-params error with suggestions.
    private func resolve(_ name: String, argument: String) throws -> City {
        do {
            return try CityCatalog(index: index).detail(of: name, limit: 0).city
        } catch {
            let rpc = ServeErrorWording.rpcError(for: error)
            throw JSONRPCError(.invalidParams, "invalid argument '\(argument)': \(rpc.message)", data: rpc.data)
        }
    }

    /// A user message that carries the city's resource.
    private func embedded(_ city: City, _ resources: MCPResourceCatalog) throws -> JSONValue {
        let uri = MCPResourceCatalog.cityPrefix + MCPResourceCatalog.encode(city.id)
        return .object(["role": .string("user"), "content": .object([
            "type": .string("resource"),
            "resource": .object(["uri": .string(uri), "mimeType": .string("text/markdown"),
                                 "text": .string(try resources.cityText(id: city.id, uri: uri))]),
        ])])
    }
}
