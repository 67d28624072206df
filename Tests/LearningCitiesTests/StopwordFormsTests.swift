import Testing
@testable import LearningCities

/// The stopword table tokenised one initial at a time holds what tokenising the whole list gives.
@Suite struct StopwordFormsTests {
    @Test func everyStopwordIsFoundUnderItsKey() {
        for word in Stopwords.vietnamese.union(Stopwords.english) where !word.contains(" ") {
            guard let token = Tokenizer().tokens(of: word).first else { continue }
            #expect(StopwordForms.shared.forms(ofKey: token.key)?.contains(token.exact) == true, "\(word)")
        }
        #expect(StopwordForms.shared.forms(ofKey: "festiv") == nil)
    }
}
