/// A language learncity analyses: the `lang` of a document, given in the
/// corpus or detected by the analysis (`LanguageDetector.Language` is this type).
public enum DocumentLanguage: String, Codable, Sendable, CaseIterable {
    /// Vietnamese.
    case vi
    /// English.
    case en
}
