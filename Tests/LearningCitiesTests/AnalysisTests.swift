import Foundation
import Testing
@testable import LearningCities

@Suite struct AnalysisTests {
    @Test(arguments: [
        ("học tập suốt đời", "hoc tap suot doi"),
        ("Đà Nẵng", "Da Nang"),
        ("Thành phố Hồ Chí Minh", "Thanh pho Ho Chi Minh"),
        ("Sơn La", "Son La"),
        ("N’Zérékoré", "N’Zerekore"),
        ("Liège, Câmara de Lobos", "Liege, Camara de Lobos"),
    ])
    func foldsAccents(input: String, expected: String) {
        #expect(AccentFolder.fold(input) == expected)
    }

    /// `replacing(cities:abbreviations:)` keeps the vocabulary's taggers and
    /// analyses exactly like an analyzer built from the new cities (the
    /// vocab-stub fuzz target relies on it to stay fast).
    @Test func anAnalyzerGivenOtherCitiesAnalysesLikeOneBuiltWithThem() throws {
        let corpus = FixtureCorpus.shippedCorpus
        let cities = try CorpusReader(root: corpus).readCities().cities
        let abbreviations = try AbbreviationList.read(corpus: corpus).list
        let vocabulary = try ProgrammeVocabulary.read(corpus: corpus).vocabulary
        let few = DocumentAnalyzer(cities: Array(cities.prefix(3)), vocabulary: vocabulary)
        let moved = few.replacing(cities: cities, abbreviations: abbreviations)
        let built = DocumentAnalyzer(cities: cities, abbreviations: abbreviations, vocabulary: vocabulary)
        var compared = 0, themed = 0, citiesMattered = 0
        try CorpusReader(root: corpus).readDocuments(knownCities: Set(cities.map(\.id)), issue: { _ in }) { source in
            guard compared < 80 else { return }
            compared += 1
            let fromMoved = moved.analyze(source), fromBuilt = built.analyze(source)
            #expect(fromMoved.stored == fromBuilt.stored, "\(source.id)")
            #expect(fromMoved.themeCounts == fromBuilt.themeCounts && fromMoved.conceptCounts == fromBuilt.conceptCounts, "\(source.id)")
            #expect(fromMoved.bodyMentions.map(\.term) == fromBuilt.bodyMentions.map(\.term), "\(source.id)")
            if !fromBuilt.themeCounts.isEmpty { themed += 1 }
            if few.analyze(source).bodyMentions.map(\.term) != fromBuilt.bodyMentions.map(\.term) { citiesMattered += 1 }
        }
        #expect(compared == 80)
        #expect(themed > 10, "the vocabulary tags documents")
        #expect(citiesMattered > 10, "the cities change the analysis")
    }

    @Test func nfdAndNfcGiveTheSameWords() {
        let nfc = "Học tập suốt đời ở Sơn La".precomposedStringWithCanonicalMapping
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(Array(nfc.unicodeScalars) != Array(nfd.unicodeScalars))
        let tokenizer = Tokenizer()
        #expect(tokenizer.tokens(of: nfc).map(\.exact) == tokenizer.tokens(of: nfd).map(\.exact))
        #expect(tokenizer.tokens(of: nfd).map(\.folded) == ["hoc", "tap", "suot", "doi", "o", "son", "la"])
    }

    @Test(arguments: [("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Hoà Bình", "Hòa Bình")])
    func tonePlacementVariantsAreOneWord(old: String, new: String) {
        let tokenizer = Tokenizer()
        #expect(tokenizer.tokens(of: old).map(\.exact) == tokenizer.tokens(of: new).map(\.exact))
    }

    @Test func distinctTonesStayDistinct() {
        let words = Tokenizer().tokens(of: "ba bà bá quý").map(\.exact)
        #expect(Set(words).count == 4)
        #expect(words.last == "quý")
    }

    @Test func englishIsStemmedVietnameseIsNot() {
        let keys = Tokenizer().tokens(of: "cities learning thuong nghieng").map(\.key)
        #expect(keys == ["citi", "learn", "thuong", "nghieng"])
    }

    @Test func detectsLanguage() {
        #expect(LanguageDetector.detect("Thành phố học tập suốt đời cho mọi người dân") == .vi)
        #expect(LanguageDetector.detect("thanh pho hoc tap cua nguoi dan va cac truong") == .vi)
        #expect(LanguageDetector.detect("The city runs a learning festival for all residents") == .en)
    }

    @Test func linksCitiesByNameAndAliasOnly() {
        let cities = FixtureCorpus.vietnameseCities.compactMap {
            try? JSONDecoder().decode(City.self, from: Data($0.utf8))
        }
        let gazetteer = CityGazetteer(cities: cities)
        let tokenizer = Tokenizer()
        #expect(gazetteer.cities(mentionedIn: tokenizer.tokens(of: "Tin từ SON LA và TP.HCM")) == ["vn-son-la", "vn-ho-chi-minh-city"])
        // Different accents are a different place; a lower-case word is not a one-word city name.
        #expect(gazetteer.cities(mentionedIn: tokenizer.tokens(of: "tỉnh Vĩnh Long vinh dự đón khách")).isEmpty)
        #expect(gazetteer.cities(mentionedIn: tokenizer.tokens(of: "thành phố Vinh, tỉnh Nghệ An")) == ["vn-vinh"])
    }

    @Test func queriesAreAnalysedLikeDocuments() {
        let query = QueryAnalyzer.analyze("Học tập \"suốt đời\" city:vn-son-la country:vn -festival learn*")
        #expect(query.parserText == "hoc tap \"suot doi\" city:vn-son-la country:VN -festiv learn*")
        #expect(query.boostText == "học tập suốt đời learn")
        let plain = QueryAnalyzer.analyze("hoc tap AND suot doi")
        #expect(plain.parserText == "hoc tap AND suot doi")
        #expect(plain.boostText == nil)
    }

    @Test func questionWordsOnlyBoost() {
        let legal = QueryAnalyzer.analyze("Người dưới bao nhiêu tuổi thì không bị phạt tù chung thân?")
        #expect(legal.questionTerms == ["XFbao", "XFnhieu"])
        #expect(!legal.parserText.contains("bao nhieu"))
        #expect(legal.parserText.contains("khong"))  // "không" mid-sentence means "not"
        #expect(!legal.bigramTerms.contains { $0.contains("nhieu") })
        let asking = QueryAnalyzer.analyze("Phong dao tao co xu ly su co khong?")
        #expect(asking.questionTerms == ["XFkhong"])
        let english = QueryAnalyzer.analyze("How many cities joined the network in 2022?")
        #expect(english.questionTerms == ["XFhow", "XFmani"])
        // Vietnamese typed without accents: "do" is thủ đô, not an English question word.
        #expect(QueryAnalyzer.analyze("thu do ha noi").questionTerms.isEmpty)
        // A query of question words only keeps them; operators turn the rule off.
        #expect(QueryAnalyzer.analyze("what").questionTerms.isEmpty)
        #expect(QueryAnalyzer.analyze("what AND why").questionTerms.isEmpty)
    }
}
