import Testing
@testable import LearningCities

/// Snippets cut in Swift from the stored text: the passage with the most
/// query words, matches highlighted as the index sees them, HTML-escaped.
@Suite struct SnippetMakerTests {
    @Test func highlightsFoldedAndStemmedMatches() {
        let maker = SnippetMaker(keys: ["hoc", "tap", "citi"], length: 200)
        let snippet = maker.snippet(of: "Các thành phố Học tập: learning cities & <towns>.")
        #expect(snippet == "Các thành phố <b>Học</b> <b>tập</b>: learning <b>cities</b> &amp; &lt;towns&gt;.")
    }

    @Test func cutsAroundTheDensestPassage() {
        let filler = String(repeating: "lorem ipsum dolor ", count: 30)
        let text = filler + "the learning festival of Cork opens with a learning walk. " + filler
        let snippet = SnippetMaker(keys: ["festiv", "cork"], length: 80).snippet(of: text)
        #expect(snippet.hasPrefix("…<b>festival</b> of <b>Cork</b>"))
        #expect(snippet.hasSuffix("…"))
        #expect(snippet.utf8.count < 80 + 40)
    }

    @Test func withoutMatchesTheTextStartsTheSnippet() {
        let snippet = SnippetMaker(keys: ["absent"], length: 11).snippet(of: "one two three four")
        #expect(snippet == "one two…")
        #expect(SnippetMaker(keys: [], length: 50).snippet(of: "") == "")
    }
}
