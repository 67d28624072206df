import Foundation
import JSONRPC
import LearncityServe
import LearningCities

/// `completion/complete`: city ids and names for the `city` and `partner`
/// arguments of the prompts and for the `{id}` of city resource URIs.
struct MCPCompletion {
    /// The index read.
    let index: IndexReader
    /// Most values returned.
    static let maxValues = 100

    /// The completion of `params.argument.value`.
    func complete(_ params: [String: JSONValue]) throws -> JSONValue {
        guard let argument = params["argument"]?.objectValue, let name = argument["name"]?.stringValue else {
            throw MCPError.invalidParam("argument", "missing: {\"name\": …, \"value\": …}")
        }
        let value = argument["value"]?.stringValue ?? ""
        let reference = params["ref"]
        let completesCities: Bool
        switch reference?["type"]?.stringValue {
        case "ref/prompt"?: completesCities = name == "city" || name == "partner"
        case "ref/resource"?: completesCities = reference?["uri"]?.stringValue?.hasPrefix(MCPResourceCatalog.cityPrefix) == true
        default: throw MCPError.invalidParam("ref", "must be {\"type\": \"ref/prompt\", \"name\": …} or {\"type\": \"ref/resource\", \"uri\": …}")
        }
        var values: [String] = []
        if completesCities {
            let wanted = Self.fold(value)
            let useIDs = reference?["type"]?.stringValue == "ref/resource"
            for city in index.cities.all.sorted(by: { $0.id < $1.id }) {
                let names = [city.id, city.name] + (city.aliases ?? [])
                guard names.contains(where: { Self.fold($0).hasPrefix(wanted) }) else { continue }
                values.append(useIDs ? city.id : city.name)
            }
        }
        var unique: [String] = []
        for value in values where !unique.contains(value) { unique.append(value) }
        return .object(["completion": .object([
            "values": .array(unique.prefix(Self.maxValues).map { .string($0) }),
            "total": .integer(unique.count), "hasMore": .bool(unique.count > Self.maxValues),
        ])])
    }

    /// Lower case without accents (đ as d), for prefix matching.
    static func fold(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
