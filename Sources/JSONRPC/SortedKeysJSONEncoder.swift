import Foundation

/// Encodes `Encodable` values as learncity's JSON — sorted keys, slashes
/// unescaped, one line — byte for byte as Foundation's `JSONEncoder` writes
/// them with `[.sortedKeys, .withoutEscapingSlashes]`, at a fraction of its
/// cost: values are collected in a light tree and written once, and keys are
/// sorted by comparing their UTF-8 bytes, as Foundation does on Linux. Types that Foundation's encoder writes its own way (`Date`,
/// `Data`, `URL`, `Decimal`) make it throw `Unsupported`: `JSONOutput` then
/// encodes with Foundation. `JSONOutputTests` compare both on real answers.
struct SortedKeysJSONEncoder {
    /// A value this encoder leaves to Foundation's.
    struct Unsupported: Error {}

    /// `value` as JSON bytes.
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONTreeEncoder(codingPath: [])
        try encoder.encodeValue(value)
        var writer = JSONTreeWriter()
        try writer.write(encoder.node ?? .object(JSONTreeObject()))
        return writer.bytes
    }
}

/// A JSON value being encoded.
enum JSONTreeNode {
    case null
    case bool(Bool)
    case string(String)
    case signed(Int64)
    case unsigned(UInt64)
    case double(Double)
    case float(Float)
    case object(JSONTreeObject)
    case array(JSONTreeArray)
    /// A value whose encoder may still be written to (`superEncoder`).
    case deferred(JSONTreeEncoder)
}

/// An object's members in the order encoded (sorted when written).
final class JSONTreeObject {
    var keys: [String] = []
    var values: [JSONTreeNode] = []
}

/// An array's elements.
final class JSONTreeArray {
    var values: [JSONTreeNode] = []
}

/// The `Encoder` that builds a `JSONTreeNode`.
final class JSONTreeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// What was encoded (nil: nothing yet).
    var node: JSONTreeNode?

    init(codingPath: [CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONTreeObject
        if case .object(let existing)? = node {
            object = existing
        } else {
            object = JSONTreeObject()
            node = .object(object)
        }
        return KeyedEncodingContainer(JSONTreeKeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let array: JSONTreeArray
        if case .array(let existing)? = node {
            array = existing
        } else {
            array = JSONTreeArray()
            node = .array(array)
        }
        return JSONTreeUnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        JSONTreeSingleValueContainer(encoder: self)
    }

    /// Encodes `value` into this encoder's node.
    func encodeValue<T: Encodable>(_ value: T) throws {
        node = try Self.node(for: value, codingPath: codingPath)
    }

    /// The node of `value`: scalars directly, anything else through its `encode(to:)`.
    static func node<T: Encodable>(for value: T, codingPath: [CodingKey]) throws -> JSONTreeNode {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .signed(Int64(unsafeBitCast(value, to: Int.self))) }
        if T.self == Double.self { return try double(unsafeBitCast(value, to: Double.self), codingPath: codingPath) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw SortedKeysJSONEncoder.Unsupported()
        }
        let encoder = JSONTreeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.node ?? .object(JSONTreeObject())
    }

    /// A finite double; Foundation's default strategy refuses NaN and infinities.
    static func double(_ value: Double, codingPath: [CodingKey]) throws -> JSONTreeNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: codingPath, debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        return .double(value)
    }

    /// A finite float.
    static func float(_ value: Float, codingPath: [CodingKey]) throws -> JSONTreeNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: codingPath, debugDescription: "Unable to encode Float.\(value) directly in JSON."))
        }
        return .float(value)
    }
}

/// A coding key for array elements and `super`.
private struct JSONTreeKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Keyed container writing into a `JSONTreeObject`.
struct JSONTreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONTreeObject
    let codingPath: [CodingKey]

    private func add(_ node: JSONTreeNode, _ key: Key) {
        object.keys.append(key.stringValue)
        object.values.append(node)
    }

    mutating func encodeNil(forKey key: Key) throws { add(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        add(try JSONTreeEncoder.double(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        add(try JSONTreeEncoder.float(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(.signed(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(.signed(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(.unsigned(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(.unsigned(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        add(try JSONTreeEncoder.node(for: value, codingPath: codingPath + [key]), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTreeObject()
        add(.object(nested), key)
        return KeyedEncodingContainer(JSONTreeKeyedContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = JSONTreeArray()
        add(.array(nested), key)
        return JSONTreeUnkeyedContainer(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder {
        let encoder = JSONTreeEncoder(codingPath: codingPath + [JSONTreeKey(stringValue: "super")])
        object.keys.append("super")
        object.values.append(.deferred(encoder))
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        let encoder = JSONTreeEncoder(codingPath: codingPath + [key])
        add(.deferred(encoder), key)
        return encoder
    }
}

/// Unkeyed container writing into a `JSONTreeArray`.
struct JSONTreeUnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONTreeArray
    let codingPath: [CodingKey]
    var count: Int { array.values.count }

    private var elementPath: [CodingKey] { codingPath + [JSONTreeKey(intValue: array.values.count)] }

    mutating func encodeNil() throws { array.values.append(.null) }
    mutating func encode(_ value: Bool) throws { array.values.append(.bool(value)) }
    mutating func encode(_ value: String) throws { array.values.append(.string(value)) }
    mutating func encode(_ value: Double) throws { array.values.append(try JSONTreeEncoder.double(value, codingPath: elementPath)) }
    mutating func encode(_ value: Float) throws { array.values.append(try JSONTreeEncoder.float(value, codingPath: elementPath)) }
    mutating func encode(_ value: Int) throws { array.values.append(.signed(Int64(value))) }
    mutating func encode(_ value: Int8) throws { array.values.append(.signed(Int64(value))) }
    mutating func encode(_ value: Int16) throws { array.values.append(.signed(Int64(value))) }
    mutating func encode(_ value: Int32) throws { array.values.append(.signed(Int64(value))) }
    mutating func encode(_ value: Int64) throws { array.values.append(.signed(value)) }
    mutating func encode(_ value: UInt) throws { array.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { array.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { array.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { array.values.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { array.values.append(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        array.values.append(try JSONTreeEncoder.node(for: value, codingPath: elementPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTreeObject()
        let path = elementPath
        array.values.append(.object(nested))
        return KeyedEncodingContainer(JSONTreeKeyedContainer<NestedKey>(object: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONTreeArray()
        let path = elementPath
        array.values.append(.array(nested))
        return JSONTreeUnkeyedContainer(array: nested, codingPath: path)
    }

    mutating func superEncoder() -> Encoder {
        let encoder = JSONTreeEncoder(codingPath: elementPath)
        array.values.append(.deferred(encoder))
        return encoder
    }
}

/// Single-value container setting its encoder's node.
struct JSONTreeSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try JSONTreeEncoder.double(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { encoder.node = try JSONTreeEncoder.float(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { encoder.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .signed(Int64(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .signed(value) }
    mutating func encode(_ value: UInt) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeValue(value) }
}

/// Writes a `JSONTreeNode` as compact JSON with sorted keys.
struct JSONTreeWriter {
    private(set) var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ node: JSONTreeNode) throws {
        switch node {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .string(let string): writeString(string)
        case .signed(let number): bytes.append(contentsOf: String(number).utf8)
        case .unsigned(let number): bytes.append(contentsOf: String(number).utf8)
        case .double(let number): writeNumber(number.description)
        case .float(let number): writeNumber(number.description)
        case .array(let array):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in array.values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try write(value)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object): try writeObject(object)
        case .deferred(let encoder): try write(encoder.node ?? .object(JSONTreeObject()))
        }
    }

    /// A number's description without a trailing `.0`, as Foundation writes it.
    private mutating func writeNumber(_ text: String) {
        var utf8 = Array(text.utf8)
        if utf8.count > 2, utf8[utf8.count - 2] == UInt8(ascii: "."), utf8[utf8.count - 1] == UInt8(ascii: "0") {
            utf8.removeLast(2)
        }
        bytes.append(contentsOf: utf8)
    }

    private mutating func writeObject(_ object: JSONTreeObject) throws {
        let keys = object.keys
        var order = Array(keys.indices)
        // Foundation (outside Apple's platforms) orders keys by their UTF-8 bytes.
        order.sort { left, right in
            let leftKey = keys[left].utf8, rightKey = keys[right].utf8
            if leftKey.elementsEqual(rightKey) { return left < right }
            return leftKey.lexicographicallyPrecedes(rightKey)
        }
        bytes.append(UInt8(ascii: "{"))
        var first = true
        for (position, index) in order.enumerated() {
            // A key encoded twice keeps its last value, as in Foundation's encoder.
            if position + 1 < order.count, keys[order[position + 1]].utf8.elementsEqual(keys[index].utf8) { continue }
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            writeString(keys[index])
            bytes.append(UInt8(ascii: ":"))
            try write(object.values[index])
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
