/// ISO 3166-1 alpha-2 country codes as the corpus writes them (`VN`): the
/// one check behind every `country` field and parameter.
public enum CountryCode {
    /// True when `text` is two ASCII capital letters.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// `text` as a code (any case accepted), or nil when it is not two letters.
    public static func normalized(_ text: String) -> String? {
        let upper = text.uppercased()
        return isValid(upper) ? upper : nil
    }

    /// Why `text` is refused, for messages.
    public static func problem(_ text: String) -> String {
        "'\(text)' is not a two-letter ISO country code such as VN"
    }
}
