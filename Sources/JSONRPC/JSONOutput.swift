import Foundation

/// The one JSON encoding learncity prints, in the CLI and over JSON-RPC:
/// sorted keys, slashes unescaped, one line. Written by
/// `SortedKeysJSONEncoder` (the bytes Foundation's `JSONEncoder` writes with
/// these options, several times faster); values it leaves to Foundation
/// (`Date`, `Data`, `URL`, `Decimal` inside) go through `JSONEncoder`.
public enum JSONOutput {
    /// `value` as one line of JSON.
    public static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    /// `value` as JSON bytes.
    public static func data<T: Encodable>(_ value: T) throws -> Data {
        Data(try bytes(value))
    }

    /// `value` as JSON bytes.
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        do {
            return try SortedKeysJSONEncoder().encode(value)
        } catch is SortedKeysJSONEncoder.Unsupported {
            return [UInt8](try foundationEncoder.encode(value))
        }
    }

    /// Foundation's encoder with the same options (see `bytes`).
    static var foundationEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
