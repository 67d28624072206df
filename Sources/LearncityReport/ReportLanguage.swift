/// The language a report is written in.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// Vietnamese.
    case vi
    /// English.
    case en
}
