import Foundation

/// Dates as people write them: "4 December 2025" in English, "ngày 4 tháng 12
/// năm 2025" in Vietnamese; a bare year stays a year.
enum ReportDate {
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// `date` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) written out in `language`; the input when it is none of those.
    static func format(_ date: String, in language: ReportLanguage) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        switch (parts.count, language) {
        case (3, .en) where (1...12).contains(parts[1]): return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
        case (3, .vi): return "ngày \(parts[2]) tháng \(parts[1]) năm \(parts[0])"
        case (2, .en) where (1...12).contains(parts[1]): return "\(months[parts[1] - 1]) \(parts[0])"
        case (2, .vi): return "tháng \(parts[1]) năm \(parts[0])"
        case (1, .vi): return "năm \(parts[0])"
        default: return date
        }
    }

    /// `date` as `YYYY-MM-DD` in UTC.
    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
