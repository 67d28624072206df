import Foundation
import XapianKit

/// Writes the reasons for one pair of cities from their profiles: the
/// programme concepts they share (rare ones first), the themes that
/// distinguish the pair, other words both use, their documents paired
/// (source initiative ↔ partner initiative) and the partner's best documents.
struct ReasonBuilder {
    /// What is said about a pair of cities.
    struct Reasons {
        var concepts: [SharedConcept] = []
        var themes: [String] = []
        var terms: [String] = []
        var pairs: [EvidencePair] = []
        var evidence: [PartnerEvidence] = []
    }

    let index: IndexReader
    let rarity: TermRarity
    /// Language of labels.
    let lang: String
    var conceptsShown = 6
    var themesShown = 3
    var termsShown = 6
    var pairsShown = 3
    var evidenceShown = 3

    /// The reasons `partner` resembles `source`.
    func reasons(source: CityProfile, partner: CityProfile, concepts: ProfileSimilarity, themes: ProfileSimilarity,
                 lexicalDocuments: [(docid: UInt32, lexical: Double)], lexicalTerms: [String]) throws -> Reasons {
        var reasons = Reasons()
        reasons.concepts = concepts.contributions.prefix(conceptsShown).compactMap { shared($0.key) }
        // Distinguishing themes: the rare shared ones carry the similarity; a
        // theme every city has contributes little and is not shown.
        if let top = themes.contributions.first?.part {
            reasons.themes = themes.contributions.filter { $0.part >= 0.2 * top }.prefix(themesShown).map(\.key)
        }
        let pairs = try pairedDocuments(source, partner)
        for pair in pairs {
            reasons.pairs.append(EvidencePair(source: try reference(pair.source.docid), partner: try reference(pair.partner.docid),
                                              concepts: pair.concepts.compactMap(shared)))
        }
        // Evidence: the paired documents first, then the best lexical matches.
        var evidenceIDs: [UInt32] = []
        let lexicalOrder = Dictionary(try ProfileBuilder(index: index, maxDocuments: 1).inStableOrder(Set(lexicalDocuments.map(\.docid))).map { ($0.docid, $0.order) },
                                      uniquingKeysWith: { a, _ in a })
        for docid in pairs.map(\.partner.docid) + lexicalDocuments.sorted(by: {
            $0.lexical != $1.lexical ? $0.lexical > $1.lexical : lexicalOrder[$0.docid] ?? "" < lexicalOrder[$1.docid] ?? ""
        }).map(\.docid)
        where !evidenceIDs.contains(docid) && evidenceIDs.count < evidenceShown {
            evidenceIDs.append(docid)
        }
        let sourceVector = try rarity.weighted(source.concepts, prefix: TermSchema.programmeConcept)
        let sourceThemes = try rarity.weighted(source.themes, prefix: TermSchema.theme)
        let builder = ProfileBuilder(index: index, maxDocuments: 1)
        for docid in evidenceIDs {
            let document = try partner.document(docid) ?? builder.document(docid, cities: 1, type: "")
            let conceptScore = ProfileSimilarity(sourceVector, try rarity.weighted(document.concepts.mapValues { _ in 1 }, prefix: TermSchema.programmeConcept)).value
            let themeScore = ProfileSimilarity(sourceThemes, try rarity.weighted(Dictionary(document.themes.map { ($0, 1.0) }, uniquingKeysWith: { a, _ in a }), prefix: TermSchema.theme)).value
            let ref = try reference(docid)
            reasons.evidence.append(PartnerEvidence(id: ref.id, title: ref.title,
                                                    score: PartnerRecommender.rounded(0.7 * conceptScore + 0.3 * themeScore)))
        }
        // Words: from the source's documents and the partner's evidence, minus what the concepts already say.
        var said: Set<String> = []
        let tokenizer = Tokenizer()
        for concept in reasons.concepts {
            for form in index.concepts[concept.id]?.allForms ?? [] { for token in tokenizer.tokens(of: form) { said.insert(token.key) } }
        }
        let database = index.database
        // Words are shown in the answer's language only: both sides' documents in that language.
        let sourceSide = try source.text.map { source.lang == lang ? SharedWords.side(text: $0, lang: source.lang) : SharedWords.Side() }
            ?? SharedWords.side(database, documents: source.documents.filter { $0.lang == lang }.map { ($0.docid, $0.lang) })
        let partnerSide = try SharedWords.side(database, documents: partner.documents.filter { $0.lang == lang }.map { ($0.docid, $0.lang) })
        reasons.terms = try SharedWords.words(for: lexicalTerms, source: sourceSide, partner: partnerSide, said: said, limit: termsShown,
                                            database: database)
        return reasons
    }

    /// Pairs of documents (one per side, each used once) that share the most
    /// concepts and themes, weighted by rarity, best first.
    private func pairedDocuments(_ source: CityProfile, _ partner: CityProfile) throws
        -> [(source: CityProfile.Document, partner: CityProfile.Document, concepts: [String])] {
        var scored: [(source: CityProfile.Document, partner: CityProfile.Document, concepts: [String], score: Double)] = []
        // A text has no document to pair.
        for a in source.documents where source.text == nil {
            for b in partner.documents {
                var score = 0.0
                var shared: [(String, Double)] = []
                for concept in a.concepts.keys.sorted() where b.concepts[concept] != nil {
                    let idf = try rarity.idf(TermSchema.programmeConcept + concept)
                    score += idf
                    shared.append((concept, idf))
                }
                for theme in a.themes.intersection(b.themes).sorted() { score += 0.3 * (try rarity.idf(TermSchema.term(TermSchema.theme, theme))) }
                guard !shared.isEmpty else { continue }
                scored.append((a, b, shared.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0), score))
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : ($0.source.order, $0.partner.order) < ($1.source.order, $1.partner.order) }
        var usedSource: Set<UInt32> = [], usedPartner: Set<UInt32> = []
        var pairs: [(source: CityProfile.Document, partner: CityProfile.Document, concepts: [String])] = []
        for pair in scored where pairs.count < pairsShown {
            guard !usedSource.contains(pair.source.docid), !usedPartner.contains(pair.partner.docid) else { continue }
            usedSource.insert(pair.source.docid)
            usedPartner.insert(pair.partner.docid)
            pairs.append((pair.source, pair.partner, pair.concepts))
        }
        return pairs
    }

    private func shared(_ id: String) -> SharedConcept? {
        index.concepts[id].map { SharedConcept(id: id, label: $0.label(in: lang)) }
    }

    private func reference(_ docid: UInt32) throws -> DocumentReference {
        let stored = try index.database.storedDocument(docid)
        return DocumentReference(id: stored?.id ?? String(docid), title: stored?.title ?? "")
    }
}
