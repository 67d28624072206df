import Foundation
import JSONRPC
import LearncityServe
import LearningCities

extension JSONValue {
    /// `value` as a JSON value, through learncity's one JSON encoding (the
    /// same objects `--json` prints).
    init(encoding value: any Encodable) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: try JSONOutput.data(value))
    }

    /// The string when this is a string.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements when this is an array.
    var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The number when this is a number.
    var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The member `key` when this is an object.
    subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}
