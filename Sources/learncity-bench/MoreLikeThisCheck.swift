import Foundation
import LearningCities
import XapianBaseline
import XapianKit

/// The mean on-topic share of one system's "more like this" lists.
struct TopicShare: Codable {
    /// Mean share of the top 10 similar documents with the sampled document's topic.
    var meanShare: Double
    /// The same after dropping exact duplicates of the sampled document's text
    /// from its list (the list is refilled to 10 from further down).
    var meanShareWithoutDuplicates: Double
    /// Sampled documents whose list had fewer than 10 entries.
    var shortLists: Int
    /// Sampled documents for which the system failed (counted as share 0).
    var failures: [String]
}

/// Per-topic shares.
struct TopicRow: Codable {
    var topic: String
    var sampled: Int
    var learncity: Double
    var baseline: Double
    var learncityWithoutDuplicates: Double
    var baselineWithoutDuplicates: Double
}

/// Everything the VNTC "more like this stays on topic" check measured.
struct MoreLikeThisResult: Codable {
    var file: String
    var documents: Int
    var topics: Int
    var sampled: Int
    var seed: UInt64
    /// Texts that occur more than once, and how many of those carry two or more topics.
    var duplicateTexts: Int
    var duplicateTextsAcrossTopics: Int
    /// Sampled documents that have at least one exact duplicate.
    var sampledWithDuplicates: Int
    var learncityIndexSeconds: Double
    var baselineIndexSeconds: Double
    var learncity: TopicShare
    var baseline: TopicShare
    var perTopic: [TopicRow]
    /// Diagnostic variants of learncity's feedback (other term families), mean share as is.
    var variants: [VariantShare]
}

/// The on-topic share of one `SimilarityVariant`.
struct VariantShare: Codable {
    var variant: SimilarityVariant
    var meanShare: Double
    var perTopic: [String: Double]
    var failures: Int
}

/// For sampled VNTC articles, the share of their 10 most similar articles that
/// share their topic: learncity's `SimilarDocuments` against plain Xapian's
/// ESet → weighted OR (`xb_more_like_this`).
enum MoreLikeThisCheck {
    static func run(gzPath: String, work: String, sample: Int, seed: UInt64) throws -> MoreLikeThisResult {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        var topicOf: [String: String] = [:]
        var idsByText: [String: [String]] = [:]
        var topicsByText: [String: Set<String>] = [:]
        var textOf: [String: String] = [:]
        log("converting \(gzPath)…")
        let prepared = try BenchCorpus.convertVNTC(gzPath, work: work, maxDocuments: nil) { id, object in
            let topic = object["topic"] as? String ?? "?"
            let text = (object["text"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            topicOf[id] = topic
            textOf[id] = text
            idsByText[text, default: []].append(id)
            topicsByText[text, default: []].insert(topic)
        }
        let duplicates: [String: Set<String>] = Dictionary(uniqueKeysWithValues: topicOf.keys.map { id in
            (id, Set(idsByText[textOf[id]!]!).subtracting([id]))
        })

        let learncityIndex = (work as NSString).appendingPathComponent("index-learncity")
        let baselineIndex = (work as NSString).appendingPathComponent("index-baseline")
        log("VNTC: indexing \(prepared.documents) documents with learncity…")
        var started = Clock.now()
        _ = try CorpusIndexer(corpusPath: prepared.folder, indexPath: learncityIndex).run()
        let learncitySeconds = Clock.now() - started
        log("VNTC: indexing with the baseline…")
        started = Clock.now()
        var indexed = xb_index_result()
        guard xb_index_jsonl(prepared.flatPath, baselineIndex, &indexed) == 0 else {
            let message = withUnsafeBytes(of: indexed.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw BenchFailure(description: "baseline VNTC indexing: \(message)")
        }
        let baselineSeconds = Clock.now() - started

        let sampled = stratifiedSample(topicOf: topicOf, count: sample, seed: seed)
        log("VNTC: more like this for \(sampled.count) sampled documents…")
        let reader = try IndexReader(path: learncityIndex)
        let similar = SimilarDocuments(index: reader)
        let baseline = BaselineRanker(index: baselineIndex)
        let depth = RankingMetrics.depth

        struct Shares { var asIs = 0.0; var withoutDuplicates = 0.0 }
        var learncityShares: [String: Shares] = [:]
        var baselineShares: [String: Shares] = [:]
        var learncityTotals = TopicShare(meanShare: 0, meanShareWithoutDuplicates: 0, shortLists: 0, failures: [])
        var baselineTotals = learncityTotals
        func score(_ list: [String], of id: String) -> Shares {
            let topic = topicOf[id]
            func share(_ ids: [String]) -> Double {
                ids.isEmpty ? 0 : Double(ids.filter { topicOf[$0] == topic }.count) / Double(ids.count)
            }
            let kept = list.filter { !duplicates[id]!.contains($0) }
            return Shares(asIs: share(Array(list.prefix(depth))), withoutDuplicates: share(Array(kept.prefix(depth))))
        }
        for id in sampled {
            let wanted = depth + duplicates[id]!.count
            do {
                let list = try similar.similar(to: id, limit: wanted).map(\.id)
                if list.count < depth { learncityTotals.shortLists += 1 }
                learncityShares[id] = score(list, of: id)
            } catch {
                learncityTotals.failures.append("\(id): \(error)")
                learncityShares[id] = Shares()
            }
            do {
                let list = try baseline.moreLikeThis(id, limit: wanted)
                if list.count < depth { baselineTotals.shortLists += 1 }
                baselineShares[id] = score(list, of: id)
            } catch {
                baselineTotals.failures.append("\(id): \(error)")
                baselineShares[id] = Shares()
            }
        }
        var variantShares: [SimilarityVariant: [String: Double]] = [:]
        var variantFailures: [SimilarityVariant: Int] = [:]
        let database = try Database(path: learncityIndex)
        for variant in SimilarityVariant.allCases {
            log("VNTC: variant '\(variant.rawValue)'…")
            for id in sampled {
                do {
                    let list = try variant.similar(to: id, in: database, limit: depth)
                    variantShares[variant, default: [:]][id] = score(list, of: id).asIs
                } catch {
                    variantFailures[variant, default: 0] += 1
                    variantShares[variant, default: [:]][id] = 0
                }
            }
        }
        func mean(_ shares: [String: Shares], _ ids: [String], _ key: KeyPath<Shares, Double>) -> Double {
            RankingMetrics.mean(ids.map { shares[$0]![keyPath: key] })
        }
        learncityTotals.meanShare = mean(learncityShares, sampled, \.asIs)
        learncityTotals.meanShareWithoutDuplicates = mean(learncityShares, sampled, \.withoutDuplicates)
        baselineTotals.meanShare = mean(baselineShares, sampled, \.asIs)
        baselineTotals.meanShareWithoutDuplicates = mean(baselineShares, sampled, \.withoutDuplicates)
        let topics = Set(topicOf.values).sorted()
        let perTopic = topics.map { topic -> TopicRow in
            let ids = sampled.filter { topicOf[$0] == topic }
            return TopicRow(topic: topic, sampled: ids.count,
                            learncity: mean(learncityShares, ids, \.asIs), baseline: mean(baselineShares, ids, \.asIs),
                            learncityWithoutDuplicates: mean(learncityShares, ids, \.withoutDuplicates),
                            baselineWithoutDuplicates: mean(baselineShares, ids, \.withoutDuplicates))
        }
        let repeated = idsByText.filter { $0.value.count > 1 }
        return MoreLikeThisResult(
            file: gzPath, documents: prepared.documents, topics: topics.count, sampled: sampled.count, seed: seed,
            duplicateTexts: repeated.count,
            duplicateTextsAcrossTopics: repeated.keys.filter { (topicsByText[$0]?.count ?? 0) > 1 }.count,
            sampledWithDuplicates: sampled.filter { !duplicates[$0]!.isEmpty }.count,
            learncityIndexSeconds: learncitySeconds, baselineIndexSeconds: baselineSeconds,
            learncity: learncityTotals, baseline: baselineTotals, perTopic: perTopic,
            variants: SimilarityVariant.allCases.map { variant in
                let shares = variantShares[variant] ?? [:]
                return VariantShare(
                    variant: variant, meanShare: RankingMetrics.mean(sampled.map { shares[$0] ?? 0 }),
                    perTopic: Dictionary(uniqueKeysWithValues: topics.map { topic in
                        (topic, RankingMetrics.mean(sampled.filter { topicOf[$0] == topic }.map { shares[$0] ?? 0 }))
                    }),
                    failures: variantFailures[variant] ?? 0)
            })
    }

    /// `count` ids spread evenly over the topics (the first topics in name
    /// order take the remainder), each topic's ids shuffled by a generator
    /// seeded with `seed`, so the sample is the same on every run.
    static func stratifiedSample(topicOf: [String: String], count: Int, seed: UInt64) -> [String] {
        var byTopic: [String: [String]] = [:]
        for (id, topic) in topicOf { byTopic[topic, default: []].append(id) }
        let topics = byTopic.keys.sorted()
        guard !topics.isEmpty, count > 0 else { return [] }
        var generator = SplitMix64(seed: seed)
        var sample: [String] = []
        for (offset, topic) in topics.enumerated() {
            let quota = count / topics.count + (offset < count % topics.count ? 1 : 0)
            // Sort by the numeric suffix first so the shuffle starts from a fixed order.
            var ids = byTopic[topic]!.sorted { (Int($0.split(separator: "-").last ?? "") ?? 0) < (Int($1.split(separator: "-").last ?? "") ?? 0) }
            ids.shuffle(using: &generator)
            sample += ids.prefix(quota)
        }
        return sample
    }
}

/// The bench's deterministic generator (`QuerySampler.swift`) drives the shuffle.
extension SplitMix64: RandomNumberGenerator {}
