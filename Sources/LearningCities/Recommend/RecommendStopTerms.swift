/// The `XF` terms relevance feedback must never pick: they would make two
/// cities look alike for reasons that say nothing about their programmes.
/// Together with the expand decider's document-share cut (terms in more than
/// a fifth of all documents) and its number filter, they are:
/// - function words: the Vietnamese stopword list's single words, and a
///   short English list;
/// - the boilerplate of every learning-city text (UNESCO, network, learning
///   city, học tập…), which on a large general index is not frequent enough
///   for the share cut to catch;
/// - every word of every city name, alias and former name, so that two
///   articles do not match because both name the same third city.
public enum RecommendStopTerms {
    /// English function words (folded, unstemmed forms; keys are derived).
    public static let english: [String] = """
        a about above after again against all also am an and any are as at be because been before being below \
        between both but by can could did do does doing down during each few for from further had has have having \
        he her here hers herself him himself his how i if in into is it its itself just me more most my myself no \
        nor not now of off on once only or other our ours ourselves out over own same she should so some such than \
        that the their theirs them themselves then there these they this those through to too under until up very \
        was we were what when where which while who whom why will with would you your yours yourself yourselves \
        among around many much may might must per since upon within without across along via etc one two three \
        four five six seven eight nine ten new many well year years
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

    /// True when `key` (an `XF` term without its prefix) is a function word or boilerplate.
    public static func isStopKey(_ key: String) -> Bool {
        baseKeys.contains(key)
    }

    /// Keys of the function words and boilerplate.
    static let baseKeys: Set<String> = {
        var keys: Set<String> = []
        let tokenizer = Tokenizer()
        for entry in VietnameseStopwords.entries where !entry.contains(" ") {
            for token in tokenizer.tokens(of: entry) { keys.insert(token.key) }
        }
        for word in english + boilerplate {
            for token in tokenizer.tokens(of: word) { keys.insert(token.key) }
        }
        return keys
    }()
}
