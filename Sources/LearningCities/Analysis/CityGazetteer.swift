/// Finds the cities a text mentions, by name or alias, on word boundaries,
/// case- and accent-insensitively: `Son La`, `SƠN LA` and `Sơn La` all link
/// to `vn-son-la`. Two guards keep it honest: a word written *with*
/// different accents does not match (`Vĩnh` is not `Vinh`), and a one-word
/// name must be capitalised in the text (`vinh dự` is not Vinh).
public struct CityGazetteer: Sendable {
    struct Entry: Sendable {
        let cityID: String
        let exact: [String]
        let folded: [String]
    }

    /// Entries by their first folded word.
    private let entries: [String: [Entry]]

    /// A gazetteer of every name, alias and former name of `cities`.
    public init(cities: [City]) {
        var entries: [String: [Entry]] = [:]
        let tokenizer = Tokenizer()
        for city in cities {
            for name in Set(city.allNames) {
                let tokens = tokenizer.tokens(of: name)
                guard let first = tokens.first else { continue }
                entries[first.folded, default: []].append(
                    Entry(cityID: city.id, exact: tokens.map(\.exact), folded: tokens.map(\.folded)))
            }
        }
        for key in entries.keys {
            entries[key]?.sort { $0.folded.count > $1.folded.count }  // longest name first
        }
        self.entries = entries
    }

    /// The ids of the cities mentioned in `tokens`, in order of first mention.
    public func cities(mentionedIn tokens: [Token]) -> [String] {
        var found: [String] = []
        var seen: Set<String> = []
        var index = 0
        while index < tokens.count {
            var advanced = 1
            if let candidates = entries[tokens[index].folded] {
                for entry in candidates where matches(entry, tokens, at: index) {
                    if seen.insert(entry.cityID).inserted { found.append(entry.cityID) }
                    advanced = entry.folded.count
                    break
                }
            }
            index += advanced
        }
        return found
    }

    private func matches(_ entry: Entry, _ tokens: [Token], at start: Int) -> Bool {
        guard start + entry.folded.count <= tokens.count else { return false }
        if entry.folded.count == 1, !tokens[start].capitalized { return false }
        for offset in 0..<entry.folded.count {
            let token = tokens[start + offset]
            guard token.folded == entry.folded[offset] else { return false }
            // Accents typed must agree; accents missing are fine.
            if token.exact != token.folded, token.exact != entry.exact[offset] { return false }
        }
        return true
    }
}
