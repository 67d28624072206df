import Foundation

/// Country names for ISO codes, in the report's language.
enum CountryNames {
    private static let english: [String: String] = {
        var names: [String: String] = [:]
        for country in WorldOutlines.all where !country.code.isEmpty { names[country.code] = country.name }
        return names
    }()

    /// The name of `code` in `language` (Foundation's locale data, else Natural Earth's English name, else the code).
    static func name(_ code: String, in language: ReportLanguage) -> String {
        if let localized = Locale(identifier: language.rawValue).localizedString(forRegionCode: code), localized != code {
            return localized
        }
        return english[code] ?? code
    }
}
