/// The `XF` terms relevance feedback must never pick: they would make two
/// cities look alike for reasons that say nothing about their programmes.
/// Together with the expand decider's document-share cut (terms in more than
/// a fifth of all documents) and its number filter, they are:
/// - function words: the single words of `Stopwords`, and a few more
///   English words common in these texts;
/// - the boilerplate of every learning-city text (UNESCO, network, learning
///   city, học tập…), which on a large general index is not frequent enough
///   for the share cut to catch;
/// - every word of every city name, alias and former name, so that two
///   articles do not match because both name the same third city.
public enum RecommendStopTerms {
    /// English words common in learning-city texts, beyond `Stopwords.english`.
    public static let english: [String] = """
        among around many much may might must per since upon within without across along via etc one two three \
        four five six seven eight nine ten new well year years
        """.split(separator: " ").map(String.init)

    /// Words every learning-city document uses, in both languages.
    public static let boilerplate: [String] = [
        "unesco", "uil", "gnlc", "global", "network", "networks", "learning", "lifelong", "life", "city", "cities",
        "member", "members", "membership", "join", "joined", "joins", "award", "awards", "awarded", "laureate",
        "programme", "programmes", "program", "programs", "initiative", "initiatives", "institute", "country",
        "countries", "people", "residents",
        "thành phố", "học tập", "suốt đời", "mạng lưới", "toàn cầu", "thành viên", "tỉnh", "thành",
        // The host country's name, in every spelling the corpus uses.
        "việt nam", "vietnam", "vietnamese", "viet nam's", "vietnam's",
    ]

    /// The stop terms (with the `XF` prefix) for an index of `cities`.
    public static func terms(cities: [City]) -> [String] {
        var keys = baseKeys
        let tokenizer = Tokenizer()
        for city in cities {
            for name in city.allNames + [city.id] {
                for token in tokenizer.tokens(of: name) { keys.insert(token.key) }
            }
        }
        return keys.sorted().map { TermSchema.folded + $0 }
    }

    /// Keys of the function words and boilerplate.
    static let baseKeys: Set<String> = {
        var keys = Stopwords.singleWordKeys
        let tokenizer = Tokenizer()
        for word in english + boilerplate {
            for token in tokenizer.tokens(of: word) { keys.insert(token.key) }
        }
        return keys
    }()
}
