import Foundation
import LearningCities

/// Gathers a `PartnerReport` from an index: the city, its partners from the
/// recommender (with their reasons and evidence), the documents on both
/// sides with their sources, and theme strengths for the matrix.
public struct PartnerReportBuilder {
    /// The index read.
    public let index: IndexReader

    /// A builder over `index`.
    public init(index: IndexReader) {
        self.index = index
    }

    /// The report for the city `name` (id, name or alias) with up to `limit` partners.
    public func build(city name: String, language: ReportLanguage?, limit: Int, command: String) throws -> PartnerReport {
        let city = try index.cities.resolve(name)
        let language = language ?? (city.country == "VN" ? .vi : .en)
        let response = try PartnerRecommender(index: index).recommend(RecommendRequest(city: city.id, limit: limit,
                                                                                        lang: language.rawValue))
        let documents = DocumentCatalog(index: index)
        var cache: [String: StoredDocument] = [:]
        func stored(_ id: String) throws -> StoredDocument? {
            if let hit = cache[id] { return hit }
            let found = try documents.document(id: id)
            cache[id] = found
            return found
        }
        func shown(_ document: StoredDocument) -> PartnerReport.Document {
            PartnerReport.Document(id: document.id, title: document.title, type: document.type.rawValue, date: document.date,
                                   source: document.source)
        }
        /// A city's documents, initiatives first, and its theme strengths.
        func documentsAndThemes(of city: City) throws -> ([StoredDocument], [String: Double]) {
            let listed = try CityCatalog(index: index).detail(of: city.id, limit: 1000).documents
            let all = try listed.compactMap { try stored($0.id) }.filter { $0.type != .news }
            var counts: [String: Double] = [:]
            for document in all { for theme in Set(document.themes) { counts[theme, default: 0] += 1 } }
            let total = Double(max(1, all.count))
            let ordered = all.sorted { ($0.type == .initiative ? 0 : 1, $0.id) < ($1.type == .initiative ? 0 : 1, $1.id) }
            return (ordered, counts.mapValues { $0 / total })
        }
        let (ownDocuments, ownThemes) = try documentsAndThemes(of: city)
        // Prefer the report's language where a document exists in both (`-vi` / `-en` twins).
        let suffix = "-" + language.rawValue
        let programmes = ownDocuments.filter { document in
            let twin = document.id.hasSuffix("-vi") ? String(document.id.dropLast(3)) + "-en"
                : document.id.hasSuffix("-en") ? String(document.id.dropLast(3)) + "-vi" : nil
            guard let twin, ownDocuments.contains(where: { $0.id == twin }) else { return true }
            return document.id.hasSuffix(suffix)
        }
        var strengths = [city.id: ownThemes]
        var partners: [PartnerReport.Partner] = []
        for partner in response.partners {
            guard let partnerCity = index.cities[partner.id] else { continue }
            let (_, themes) = try documentsAndThemes(of: partnerCity)
            strengths[partnerCity.id] = themes
            var pairs: [(source: PartnerReport.Document?, partner: PartnerReport.Document)] = []
            // The recommender's own pairs: the city's initiative next to the partner's that matches it.
            for pair in partner.pairs.prefix(3) {
                guard let theirs = try stored(pair.partner.id) else { continue }
                pairs.append((try stored(pair.source.id).map(shown), shown(theirs)))
            }
            // Without pairs, the partner's best evidence next to the city's initiative sharing most themes.
            for evidence in partner.evidence.prefix(pairs.isEmpty ? 3 : 0) {
                guard let partnerDocument = try stored(evidence.id) else { continue }
                let match = programmes.filter { $0.type == .initiative }
                    .max { Set($0.themes).intersection(partnerDocument.themes).count < Set($1.themes).intersection(partnerDocument.themes).count }
                pairs.append((match.map(shown), shown(partnerDocument)))
            }
            let concepts = partner.concepts.map(\.label)
            partners.append(PartnerReport.Partner(rank: partner.rank, city: partnerCity, score: partner.score,
                                                  concepts: concepts + partner.terms.filter { !concepts.contains($0) },
                                                  themes: partner.themes, pairs: pairs))
        }
        var labels: [String: String] = [:]
        for theme in index.themes.themes {
            labels[theme.id] = language == .vi ? (theme.name.vi ?? theme.name.en) : theme.name.en
        }
        return PartnerReport(city: city, status: Self.status(of: city), themeStrengths: strengths, themeLabels: labels,
                             partners: partners, weak: response.weak, programmes: programmes.map(shown),
                             indexDate: Self.indexDate(index.path),
                             command: command, language: language)
    }

    /// The city's `status` field, when the corpus gives one.
    static func status(of city: City) -> String? {
        guard let data = try? JSONEncoder().encode(city),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["status"] as? String
    }

    /// The day the index at `path` was last written, from its files' modification times.
    static func indexDate(_ path: String) -> String? {
        let manager = FileManager.default
        var newest: Date?
        let files = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).map { path + "/" + $0 } + [path]
        for file in files {
            if let date = (try? manager.attributesOfItem(atPath: file))?[.modificationDate] as? Date, newest.map({ date > $0 }) ?? true {
                newest = date
            }
        }
        return newest.map(ReportDate.isoDay)
    }
}
