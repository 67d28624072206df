import XapianKit

/// Posting lists read once per restoration.
struct PostingCache {
    let database: Database
    private var cache: [String: Set<UInt32>] = [:]

    init(database: Database) { self.database = database }

    /// The documents indexed by `term` (empty when none or unreadable).
    mutating func ids(_ term: String) -> Set<UInt32> {
        if let known = cache[term] { return known }
        let ids = Set((try? database.documentIDs(for: term)) ?? [])
        cache[term] = ids
        return ids
    }
}
