import Foundation
import XapianKit

/// Reads cities and their documents from an index: the `city` and `cities`
/// methods of `learncity serve`. Documents are found through the city's
/// boolean term (`XC` + id).
public struct CityCatalog {
    /// The index read.
    public let index: IndexReader

    /// A catalog over `index`.
    public init(index: IndexReader) {
        self.index = index
    }

    /// The city `name` (id, name or alias) and up to `limit` of its documents from `offset`.
    public func detail(of name: String, limit: Int = 100, offset: Int = 0) throws -> CityDetail {
        guard limit >= 0 else { throw SearchError.invalidParameter(name: "limit", reason: "must be 0 or more") }
        guard offset >= 0 else { throw SearchError.invalidParameter(name: "offset", reason: "must be 0 or more") }
        let city = try index.cities.resolve(name)
        let honoured = min(limit, SearchRequest.maxLimit)
        let documents: [CityDocument] = try index.reading {
            try index.database.documentIDs(for: TermSchema.term(TermSchema.city, city.id)).compactMap { docid in
                guard let stored = try index.database.storedDocument(docid) else { return nil }
                return CityDocument(id: stored.id, type: stored.type.rawValue, title: stored.title, date: stored.date,
                                    lang: stored.lang.rawValue)
            }
        }
        let order: [String: Int] = Dictionary(uniqueKeysWithValues: DocumentType.allCases.enumerated().map { ($1.rawValue, $0) })
        let sorted = documents.sorted { a, b in
            let typeA = order[a.type] ?? 99, typeB = order[b.type] ?? 99
            if typeA != typeB { return typeA < typeB }
            if (a.date ?? "") != (b.date ?? "") { return (a.date ?? "") > (b.date ?? "") }
            return a.id < b.id
        }
        let page = offset >= sorted.count ? [] : Array(sorted[offset..<min(sorted.count, offset + honoured)])
        return CityDetail(city: city, total: sorted.count, offset: offset, documents: page,
                          limitClamped: limit > SearchRequest.maxLimit ? SearchRequest.maxLimit : nil)
    }

    /// Every city, or those of `country` (ISO code, any case), with their document counts.
    public func list(country: String? = nil) throws -> CityList {
        var code: String?
        if let country {
            guard let upper = CountryCode.normalized(country) else {
                throw SearchError.invalidParameter(name: "country", reason: CountryCode.problem(country))
            }
            code = upper
        }
        let counts: [String: Int] = try index.reading {
            var counts: [String: Int] = [:]
            for entry in try index.database.allTerms(prefix: TermSchema.city) {
                counts[String(entry.term.dropFirst(TermSchema.city.count))] = entry.frequency
            }
            return counts
        }
        let entries = index.cities.all.filter { code == nil || $0.country == code }.map {
            CityListEntry(id: $0.id, name: $0.name, country: $0.country, region: $0.region, joined: $0.joined,
                          documents: counts[$0.id] ?? 0)
        }
        return CityList(country: code, cities: entries)
    }
}
