import Foundation
import XapianKit

/// Builds or refreshes the Xapian index from a corpus folder, in one Xapian
/// transaction: readers see the old index until the new one is committed
/// whole, and a crash or Ctrl-C leaves the previous revision intact.
/// Unchanged documents are skipped by fingerprint; vanished ones are removed.
public struct CorpusIndexer {
    /// The corpus folder.
    public var corpusPath: String
    /// The index folder.
    public var indexPath: String
    /// Treat any corpus problem as fatal, before anything is written.
    public var strict = false

    /// An indexer from `corpusPath` into `indexPath`.
    public init(corpusPath: String, indexPath: String, strict: Bool = false) {
        self.corpusPath = corpusPath
        self.indexPath = indexPath
        self.strict = strict
    }

    /// Runs the indexer. `issue` hears each corpus problem (file:line: reason),
    /// `progress` the number of documents processed so far.
    public func run(issue: (CorpusIssue) -> Void = { _ in },
                    progress: (Int) -> Void = { _ in }) throws -> IndexSummary {
        let started = Date()
        let reader = CorpusReader(root: corpusPath)
        let (cities, cityIssues) = try reader.readCities()
        let knownCities = Set(cities.map(\.id))

        if strict {
            var problems = cityIssues
            try reader.readDocuments(knownCities: knownCities, issue: { problems.append($0) }) { _ in }
            guard problems.isEmpty else {
                problems.forEach(issue)
                throw CorpusError.strict(problems)
            }
        }

        var summary = IndexSummary()
        summary.cities = cities.count
        summary.skipped = cityIssues.count
        cityIssues.forEach(issue)

        let analyzer = DocumentAnalyzer(cities: cities)
        var base = Fingerprint()
        base.add(TermSchema.analysisVersion)
        base.add(IndexMetadata.encode(cities))

        try FileManager.default.createDirectory(atPath: indexPath, withIntermediateDirectories: true)
        let database: WritableDatabase
        do {
            database = try WritableDatabase(path: indexPath, create: true)
        } catch {
            throw IndexError.from(error, path: indexPath)
        }
        let view: Database
        do { view = try database.reader() } catch { throw IndexError.from(error, path: indexPath) }

        do {
            try database.beginTransaction()
            var existing = Set(try view.allTerms(prefix: TermSchema.id).map { String($0.term.dropFirst()) })
            var processed = 0

            try reader.readDocuments(knownCities: knownCities, issue: { found in
                summary.skipped += 1
                issue(found)
            }) { source in
                var fingerprint = base
                fingerprint.add(source)
                let print = fingerprint.hex
                let idTerm = TermSchema.id + source.id
                if existing.remove(source.id) != nil {
                    if let docid = try view.documentID(for: idTerm),
                       try view.value(of: docid, slot: TermSchema.Slot.fingerprint) == Array(print.utf8) {
                        summary.unchanged += 1
                    } else {
                        try database.replace(DocumentBuilder.document(for: analyzer.analyze(source), fingerprint: print),
                                             idTerm: idTerm)
                        summary.updated += 1
                    }
                } else {
                    try database.replace(DocumentBuilder.document(for: analyzer.analyze(source), fingerprint: print),
                                         idTerm: idTerm)
                    summary.added += 1
                }
                processed += 1
                if processed % 64 == 0 { progress(processed) }
            }
            progress(processed)
            for id in existing.sorted() {
                try database.delete(idTerm: TermSchema.id + id)
                summary.removed += 1
            }
            try database.setMetadata(IndexMetadata.encode(cities), for: IndexMetadata.cities)
            try database.setMetadata(Array(TermSchema.analysisVersion.utf8), for: IndexMetadata.analysisVersion)
            try database.commitTransaction()
            summary.documents = try view.documentCount()
            try database.close()
        } catch let error as XapianError {
            throw IndexError.from(error, path: indexPath)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }
}
