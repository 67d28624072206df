import Foundation
import Testing
@testable import LearningCities

/// Fuzz-style: no query is refused for its punctuation or operators; when
/// Xapian's parser rejects one, its words are searched as plain text and the
/// answer says so; only a query with nothing searchable is an error.
@Suite struct QueryRobustnessTests {
    /// A searcher of its own for each test (an index reader is used by one thread).
    func makeSearcher() throws -> Searcher {
        let corpus = try FixtureCorpus(cities: FixtureCorpus.vietnameseCities, files: [
            "docs.jsonl": [
                #"{"id":"saigon","type":"news","title":"Sài Gòn","body":"Và Sài Gòn sụp đổ: chỉ là sản phẩm giống nhau.","date":"2024"}"#,
                #"{"id":"hoc","type":"news","title":"Học tập","body":"Người dân học tập suốt đời.","date":"2020"}"#,
            ].joined(separator: "\n"),
        ])
        _ = try CorpusIndexer(corpusPath: corpus.root, indexPath: corpus.index).run()
        return Searcher(index: try IndexReader(path: corpus.index))
    }

    static let pieces = ["..", "...", "\"", "(", ")", "[", "]", "AND", "OR", "NOT", "XOR", "NEAR", "-", "+", "*", ":",
                         "city:", "year:..", "&&", "||", "~", "^", "'", "2020..", "..2024", "\\"]

    /// Every piece before, between and after two words, and two pieces together.
    static let queries: [String] = {
        var queries: [String] = []
        for piece in pieces {
            queries += ["\(piece)học tập", "học \(piece) tập", "học tập \(piece)", "\(piece) hoc"]
            // Glued to a word (letters and digits would make another word).
            if let first = piece.unicodeScalars.first, !first.properties.isAlphabetic, !("0"..."9").contains(first) {
                queries.append("hoc\(piece)")
            }
            for other in pieces.prefix(8) { queries.append("\(piece) học \(other)") }
        }
        return queries + ["...Và Sài Gòn sụp đổ", "Chỉ là sản phẩm giống...", "hoc tap ..", "\"hoc tap", "(hoc tap",
                          "hoc tap)", "hoc AND", "hoc OR", "hoc -", "hoc NOT", "AND hoc", "hoc .. tap", "\"\"hoc\""]
    }()

    @Test func everyQueryWithWordsIsSearched() throws {
        let searcher = try makeSearcher()
        var fellBack = 0
        for query in Self.queries {
            let response: SearchResponse
            do {
                response = try searcher.search(SearchRequest(query: query))
            } catch {
                Issue.record("'\(query)' was refused: \(error)")
                continue
            }
            // The words are there to be found: the plain-text reading finds a document.
            if response.parsedAs == "words" {
                fellBack += 1
                #expect(response.total > 0, "\(query) found nothing as plain words")
            }
        }
        #expect(fellBack > 10)  // the parser does reject many of them
    }

    @Test func articleTextThatBrokeTheParserIsSearchedAsWords() throws {
        let searcher = try makeSearcher()
        for query in ["...Và Sài Gòn sụp đổ", "Chỉ là sản phẩm giống..."] {
            let response = try searcher.search(SearchRequest(query: query))
            #expect(response.parsedAs == "words")
            #expect(response.results.first?.id == "saigon")
        }
        let trailing = try searcher.search(SearchRequest(query: "hoc AND"))
        #expect(trailing.parsedAs == "words")
        #expect(trailing.results.first?.id == "hoc")
    }

    @Test func queriesThatParseAreNotMarked() throws {
        let searcher = try makeSearcher()
        #expect(try searcher.search(SearchRequest(query: "hoc AND tap")).parsedAs == nil)
        #expect(try searcher.search(SearchRequest(query: "\"học tập\" 2019..2021")).parsedAs == nil)
    }

    @Test func nothingSearchableIsAnError() throws {
        let searcher = try makeSearcher()
        for query in ["", "   ", "((( ..", "\"\"", "- ..", "AND OR"] {
            #expect(throws: SearchError.emptyQuery, "\(query)") { try searcher.search(SearchRequest(query: query)) }
        }
    }
}
