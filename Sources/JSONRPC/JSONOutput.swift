import Foundation

/// The one JSON encoding learncity prints, in the CLI and over JSON-RPC:
/// sorted keys, slashes unescaped, one line.
public enum JSONOutput {
    /// `value` as one line of JSON.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }

    /// `value` as JSON bytes.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        try encoder.encode(value)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
