/// Accent restorations remembered per query on one index revision (they read
/// posting lists and stored texts); one memo per revision, kept with the
/// reader's derived values, so a new revision starts afresh.
final class RestorationMemo {
    private var readings: [String: AccentRestoration] = [:]
    /// The most readings kept; beyond it the memo starts again.
    static let capacity = 10_000

    /// The memo of `index`'s current revision.
    static func of(_ index: IndexReader) -> RestorationMemo {
        index.derived("search.restorations") { RestorationMemo() }
    }

    /// The reading of `words` with `fixed` forms, computed once.
    func restoration(of words: [Token], fixed: [Int: String],
                     compute: () throws -> AccentRestoration) rethrows -> AccentRestoration {
        if readings.count >= Self.capacity { readings = [:] }
        let key = words.map(\.exact).joined(separator: " ") + "\u{1}"
            + fixed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        if let known = readings[key] { return known }
        let reading = try compute()
        readings[key] = reading
        return reading
    }
}
