/// A 64-bit FNV-1a hash, as hex: cheap change detection for re-indexing.
struct Fingerprint: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
    }

    mutating func add(_ text: String) {
        add(text.utf8)
        add(CollectionOfOne(0))
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Adds every field of `document` (with markers for absent ones), so any
    /// change to the document changes the hash; no JSON encoding on the way.
    mutating func add(_ document: SourceDocument) {
        add(document.id)
        add(document.type.rawValue)
        add(document.title)
        add(document.body)
        addOptional(document.cities.map { $0.joined(separator: "\u{1F}") })
        addOptional(document.date)
        addOptional(document.lang?.rawValue)
        addOptional(document.source)
        addOptional(document.themes.map { $0.joined(separator: "\u{1F}") })
    }

    private mutating func addOptional(_ text: String?) {
        if let text {
            add(CollectionOfOne(1))
            add(text)
        } else {
            add(CollectionOfOne(2))
        }
    }
}
