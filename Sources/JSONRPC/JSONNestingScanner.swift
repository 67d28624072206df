/// Measures how deeply a JSON text nests arrays and objects, without parsing
/// it, so hostile input ("[[[[…" a million times) is refused before a
/// recursive decoder sees it. Brackets inside strings do not count.
public enum JSONNestingScanner {
    /// The deepest nesting the server accepts. Requests need 4 or 5 levels.
    public static let maxDepth = 64

    /// The nesting depth of `bytes`, or nil as soon as it exceeds `limit`.
    public static func depth<Bytes: Collection>(of bytes: Bytes, limit: Int = maxDepth) -> Int?
    where Bytes.Element == UInt8 {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return nil }
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
        return deepest
    }
}
