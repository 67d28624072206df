import Foundation
import XapianKit

/// Document counts by type, language and country, the number of cities and
/// the size of the index: the answer of `learncity stats`.
public struct IndexStatistics: Codable, Sendable, Equatable {
    /// The learncity version that answered (`LearncityVersion.current`).
    public var version: String = LearncityVersion.current
    /// Where the index is.
    public var index: String
    /// Documents in the index.
    public var documents: Int
    /// Documents by type.
    public var byType: [String: Int]
    /// Documents by language.
    public var byLang: [String: Int]
    /// Documents by country of their linked cities.
    public var byCountry: [String: Int]
    /// Cities known to the index.
    public var cities: Int
    /// Cities with at least one document.
    public var citiesWithDocuments: Int
    /// Cities by GNLC status (`member`, `applicant`, …; a city without one counts as a member).
    public var citiesByStatus: [String: Int] = [:]
    /// Member cities by the year they joined; `unknown` for members whose year no source gives.
    public var membersByYear: [String: Int] = [:]
    /// Bytes on disk.
    public var indexBytes: Int

    enum CodingKeys: String, CodingKey {
        case version, index, documents, cities
        case byType = "by_type"
        case byLang = "by_lang"
        case byCountry = "by_country"
        case citiesWithDocuments = "cities_with_documents"
        case indexBytes = "index_bytes"
        case citiesByStatus = "cities_by_status"
        case membersByYear = "members_by_year"
    }

    /// Reads the statistics of an open index.
    public static func read(from reader: IndexReader) throws -> IndexStatistics {
        try reader.withRetry {
            let database = reader.database
            func counts(_ prefix: String) throws -> [String: Int] {
                var result: [String: Int] = [:]
                for entry in try database.allTerms(prefix: prefix) {
                    var value = entry.term.dropFirst(prefix.count)
                    if value.first == ":" { value = value.dropFirst() }
                    result[String(value)] = entry.frequency
                }
                return result
            }
            let cities = reader.cities.all
            return IndexStatistics(version: LearncityVersion.current, index: reader.path, documents: try database.documentCount(),
                                   byType: try counts(TermSchema.type), byLang: try counts(TermSchema.lang),
                                   byCountry: try counts(TermSchema.country), cities: cities.count,
                                   citiesWithDocuments: try counts(TermSchema.city).count,
                                   citiesByStatus: byStatus(cities), membersByYear: membersByYear(cities),
                                   indexBytes: diskUsage(reader.path))
        }
    }

    /// Cities by status; a city without one counts as a member.
    static func byStatus(_ cities: [City]) -> [String: Int] {
        Dictionary(grouping: cities) { ($0.status ?? .member).rawValue }.mapValues(\.count)
    }

    /// Members by the year they joined (`unknown` without `joined`).
    static func membersByYear(_ cities: [City]) -> [String: Int] {
        Dictionary(grouping: cities.filter(\.isMember)) { $0.joined.map(String.init) ?? "unknown" }.mapValues(\.count)
    }

    /// Bytes of the files at `path` (a folder is summed, a stub file's shards are not followed).
    static func diskUsage(_ path: String) -> Int {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return 0 }
        guard isDirectory.boolValue else {
            return (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }
        var total = 0
        for file in manager.enumerator(atPath: path)?.compactMap({ $0 as? String }) ?? [] {
            let attributes = try? manager.attributesOfItem(atPath: (path as NSString).appendingPathComponent(file))
            if attributes?[.type] as? FileAttributeType == .typeRegular { total += attributes?[.size] as? Int ?? 0 }
        }
        return total
    }
}
