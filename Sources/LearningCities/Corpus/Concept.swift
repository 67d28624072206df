/// One programme concept of the bilingual programme vocabulary
/// (`concepts.jsonl`): something cities do for lifelong learning (public
/// libraries, literacy, learning festivals…), with the words and phrases
/// that say it in each language and the themes it belongs to. Documents
/// that use any of its forms, in any language, carry the term
/// `XP<id>`, so that a Vietnamese and an English text about the same
/// programme share an index term.
public struct Concept: Codable, Sendable, Equatable, Hashable {
    /// Slug, e.g. `public-library`; documents carry it as `XPpublic-library`.
    public var id: String
    /// The name shown to people, in each language.
    public var label: Theme.Name
    /// Surface forms by language code (`en`, `vi`): a run of words equal to
    /// one of them (case- and accent-insensitively, English words by stem)
    /// is a mention of the concept.
    public var forms: [String: [String]]
    /// Ids of the themes the concept belongs to.
    public var themes: [String]
    /// Where the forms come from.
    public var source: String?

    /// Creates a concept.
    public init(id: String, label: Theme.Name, forms: [String: [String]], themes: [String] = [], source: String? = nil) {
        self.id = id
        self.label = label
        self.forms = forms
        self.themes = themes
        self.source = source
    }

    /// Every form, all languages together.
    public var allForms: [String] {
        forms.keys.sorted().flatMap { forms[$0] ?? [] }
    }

    /// The label in `lang` (`vi` or `en`), English when there is no Vietnamese one.
    public func label(in lang: String) -> String {
        lang == "vi" ? (label.vi ?? label.en) : label.en
    }
}
