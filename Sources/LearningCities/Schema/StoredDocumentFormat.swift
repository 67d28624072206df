import Foundation

/// The bytes of a `StoredDocument` in the index: a version byte (`1`), then
/// the fields in declaration order, each string as its UTF-8 length (LEB128)
/// and bytes, each list as its count and strings, each optional as `0`
/// (absent) or `1` and the string. Decoding a hit is then a few length reads
/// and one UTF-8 check per field, where JSON cost a full parse per document.
/// Data starting with `{` is the JSON of indexes before analysis version 5.
enum StoredDocumentFormat {
    /// The first byte of the current format (JSON starts with `{`).
    static let version: UInt8 = 1

    /// `document` as stored bytes.
    static func encode(_ document: StoredDocument) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.title.utf8.count + document.body.utf8.count + 96)
        bytes.append(version)
        func length(_ count: Int) {
            var rest = count
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
        func string(_ text: String) {
            length(text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        }
        func list(_ values: [String]) {
            length(values.count)
            for value in values { string(value) }
        }
        func optional(_ value: String?) {
            if let value {
                bytes.append(1)
                string(value)
            } else {
                bytes.append(0)
            }
        }
        string(document.id)
        string(document.type.rawValue)
        string(document.title)
        string(document.body)
        list(document.cities)
        optional(document.date)
        string(document.lang.rawValue)
        optional(document.source)
        list(document.themes)
        return bytes
    }

    /// The document stored as `bytes`.
    static func decode(_ bytes: [UInt8]) throws -> StoredDocument {
        if bytes.first == UInt8(ascii: "{") {
            return try JSONDecoder().decode(StoredDocument.self, from: Data(bytes))
        }
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(buffer: buffer)
            guard try reader.byte() == version else { throw StoredDocumentError.unknownFormat }
            let id = try reader.string()
            guard let type = DocumentType(rawValue: try reader.string()) else { throw StoredDocumentError.damaged }
            let title = try reader.string()
            let body = try reader.string()
            let cities = try reader.list()
            let date = try reader.optional()
            guard let lang = DocumentLanguage(rawValue: try reader.string()) else { throw StoredDocumentError.damaged }
            let source = try reader.optional()
            let themes = try reader.list()
            return StoredDocument(id: id, type: type, title: title, body: body, cities: cities, date: date,
                                  lang: lang, source: source, themes: themes)
        }
    }

    /// Reads the fields of stored bytes in order.
    private struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func byte() throws -> UInt8 {
            guard offset < buffer.count else { throw StoredDocumentError.damaged }
            defer { offset += 1 }
            return buffer[offset]
        }

        mutating func length() throws -> Int {
            var value = 0
            var shift = 0
            while true {
                let next = try byte()
                value |= Int(next & 0x7F) << shift
                if next < 0x80 { return value }
                shift += 7
                guard shift < 35 else { throw StoredDocumentError.damaged }
            }
        }

        mutating func string() throws -> String {
            let count = try length()
            guard count <= buffer.count - offset else { throw StoredDocumentError.damaged }
            defer { offset += count }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
        }

        mutating func list() throws -> [String] {
            let count = try length()
            guard count <= buffer.count - offset else { throw StoredDocumentError.damaged }
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(try string()) }
            return values
        }

        mutating func optional() throws -> String? {
            switch try byte() {
            case 0: return nil
            case 1: return try string()
            default: throw StoredDocumentError.damaged
            }
        }
    }
}

/// Stored document data that cannot be read.
enum StoredDocumentError: Error {
    /// The first byte names no format this build knows.
    case unknownFormat
    /// The bytes end early or hold an impossible value.
    case damaged
}
