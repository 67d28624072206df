/// What two cities share and where they differ: the answer of
/// `learncity compare A B` and of the JSON-RPC `compare` method.
public struct CityComparison: Codable, Sendable, Equatable {
    /// The first city.
    public var a: RecommendedCity
    /// The second city.
    public var b: RecommendedCity
    /// Language of the labels and words.
    public var lang: String
    /// Similarity on 0…1, the same absolute score `recommend` gives B for A.
    public var score: Double
    /// Programme concepts both work on, most telling first.
    public var sharedConcepts: [SharedConcept]
    /// Concepts only A's documents mention, most telling first.
    public var onlyA: [SharedConcept]
    /// Concepts only B's documents mention.
    public var onlyB: [SharedConcept]
    /// Themes both share, rare ones first.
    public var sharedThemes: [String]
    /// Themes only A has.
    public var onlyAThemes: [String]
    /// Themes only B has.
    public var onlyBThemes: [String]
    /// Other words both use, whole.
    public var terms: [String]
    /// A's documents next to B's matching ones.
    public var pairs: [EvidencePair]

    /// Creates a comparison.
    public init(a: RecommendedCity, b: RecommendedCity, lang: String, score: Double, sharedConcepts: [SharedConcept],
                onlyA: [SharedConcept], onlyB: [SharedConcept], sharedThemes: [String], onlyAThemes: [String],
                onlyBThemes: [String], terms: [String], pairs: [EvidencePair]) {
        self.a = a
        self.b = b
        self.lang = lang
        self.score = score
        self.sharedConcepts = sharedConcepts
        self.onlyA = onlyA
        self.onlyB = onlyB
        self.sharedThemes = sharedThemes
        self.onlyAThemes = onlyAThemes
        self.onlyBThemes = onlyBThemes
        self.terms = terms
        self.pairs = pairs
    }

    enum CodingKeys: String, CodingKey {
        case a, b, lang, score, terms, pairs
        case sharedConcepts = "shared_concepts"
        case onlyA = "only_a"
        case onlyB = "only_b"
        case sharedThemes = "shared_themes"
        case onlyAThemes = "only_a_themes"
        case onlyBThemes = "only_b_themes"
    }
}
