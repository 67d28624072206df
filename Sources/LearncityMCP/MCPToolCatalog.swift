import JSONRPC

/// The tools learncity offers an AI assistant. Each runs the `serve` method
/// of the same name, so its arguments are that method's params and its
/// structured result is the object `learncity … --json` prints.
enum MCPToolCatalog {
    /// Every tool, in the order `tools/list` shows them.
    static let all: [MCPTool] = [search, recommend, compare, city, cities, report]

    /// The tool named `name`.
    static func tool(named name: String) -> MCPTool? {
        all.first { $0.name == name }
    }

    static let search = MCPTool(
        name: "search",
        title: "Search learning-city documents",
        description: """
            Full-text search over UNESCO Global Network of Learning Cities material: city profiles, their \
            lifelong-learning initiatives and news, in Vietnamese and English. Accents are optional \
            ("hoc tap suot doi" finds "học tập suốt đời"); city names, aliases and abbreviations are understood \
            ("TP.HCM", "Sài Gòn", "GD-ĐT"). Query syntax: plain words (all must match; when none match all, any), \
            "an exact phrase", OR, NOT, -word, prefix*, year ranges 2020..2024, and filters inside the query \
            (type:initiative country:VN city:vn-son-la lang:vi theme:literacy year:2024). Returns ranked documents \
            with highlighted snippets (<b>…</b>), the total and facet counts. Use `city` to list one city's \
            documents and `recommend` to find partner cities. Examples: {"query": "literacy older people"}, \
            {"query": "thu vien", "country": "VN", "limit": 5}.
            """,
        input: #"""
            {"type": "object", "additionalProperties": false, "required": ["query"],
             "properties": {
              "query": {"type": "string", "minLength": 1, "description": "Words to find, accents optional, e.g. \"learning festival\", \"hoc tap suot doi\", \"\\\"xã hội học tập\\\"\"."},
              "limit": {"type": "integer", "minimum": 0, "maximum": 1000, "default": 10, "description": "Results to return (default 10)."},
              "offset": {"type": "integer", "minimum": 0, "default": 0, "description": "Results to skip, for the next page."},
              "type": {"type": "string", "enum": ["profile", "initiative", "news"], "description": "Only this kind of document."},
              "country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "Only documents about cities of this country: ISO 3166-1 alpha-2 code, e.g. VN, KR, DE."},
              "city": {"type": "string", "description": "Only documents about this city: an id, name or alias, accents optional, e.g. vn-son-la, Sơn La, son la, TP.HCM."},
              "lang": {"type": "string", "enum": ["vi", "en"], "description": "Only documents in this language."},
              "facets": {"type": "boolean", "default": true, "description": "Count matches by type, country and language (default true)."}
             }}
            """#,
        output: #"""
            {"type": "object", "required": ["query", "total", "results"],
             "properties": {
              "query": {"type": "string"},
              "total": {"type": "integer", "description": "Matching documents in all."},
              "offset": {"type": "integer"},
              "relaxed": {"type": "boolean", "description": "True when no document had every word and any word was accepted."},
              "accented": {"type": "string", "description": "The query read with its likely accents."},
              "did_you_mean": {"type": "string"},
              "results": {"type": "array", "items": {"type": "object", "required": ["rank", "id", "type", "title"],
               "properties": {"rank": {"type": "integer"}, "id": {"type": "string"}, "type": {"type": "string"},
                "title": {"type": "string"}, "cities": {"type": "array", "items": {"type": "string"}},
                "date": {"type": ["string", "null"]}, "lang": {"type": "string"}, "score": {"type": "number"},
                "snippet": {"type": "string", "description": "HTML-escaped text with matches in <b>…</b>."}}}},
              "facets": {"type": "object"}
             }}
            """#,
        summarize: MCPToolSummaries.search)

    static let recommend = MCPTool(
        name: "recommend",
        title: "Recommend partner cities",
        description: """
            Finds learning cities of the UNESCO network whose lifelong-learning programmes resemble a city's, \
            across Vietnamese and English documents, with reasons a person can read: the programme concepts both \
            run, the rare themes they share, and their initiatives side by side. Scores are absolute (0…1, \
            comparable across requests); `weak` says when even the best match is weak. \
            Give `city` (an id, name or alias, accents optional: "vn-son-la", "Sơn La", "son la", "TP.HCM") or, \
            for a city not in the index, `text` (a description of its programmes). Filters: other_countries (only \
            partners abroad), country (ISO code), region (UNESCO region, e.g. "Europe and North America"), theme \
            (a theme id or name, e.g. "literacy"), lang (language of the reasons, vi or en), include_non_members. \
            Use `compare` to look at one candidate partner in depth. Examples: {"city": "Sơn La", "limit": 5}, \
            {"city": "vn-vinh", "other_countries": true, "theme": "literacy"}.
            """,
        input: #"""
            {"type": "object", "additionalProperties": false,
             "properties": {
              "city": {"type": "string", "description": "The city to find partners for: id, name or alias, accents optional."},
              "text": {"type": "string", "description": "Instead of city: a description of a city's programmes."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 5, "description": "Partners to return (default 5)."},
              "other_countries": {"type": "boolean", "description": "Only partners in other countries than the city's."},
              "country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "Only partners in this country (ISO 3166-1 alpha-2)."},
              "region": {"type": "string", "description": "Only partners in this UNESCO region, e.g. \"Asia and the Pacific\", \"arab-states\"."},
              "theme": {"type": "string", "description": "Focus on one theme: id or name in English or Vietnamese, e.g. literacy, \"Xóa mù chữ\"."},
              "lang": {"type": "string", "enum": ["vi", "en"], "description": "Language of the reasons (default: the city's, Vietnamese for Vietnamese cities)."},
              "include_non_members": {"type": "boolean", "description": "Also propose cities that are not (confirmed) GNLC members."}
             }}
            """#,
        output: #"""
            {"type": "object", "required": ["partners"],
             "properties": {
              "city": {"type": ["object", "null"], "description": "The source city; null for a text request."},
              "lang": {"type": "string"},
              "weak": {"type": "boolean", "description": "True when even the best partner is a weak match."},
              "partners": {"type": "array", "items": {"type": "object", "required": ["rank", "id", "name", "country", "score"],
               "properties": {"rank": {"type": "integer"}, "id": {"type": "string"}, "name": {"type": "string"},
                "country": {"type": "string"}, "score": {"type": "number"},
                "concepts": {"type": "array"}, "themes": {"type": "array"}, "terms": {"type": "array"},
                "pairs": {"type": "array"}, "evidence": {"type": "array"}}}}
             }}
            """#,
        summarize: MCPToolSummaries.recommend)

    static let compare = MCPTool(
        name: "compare",
        title: "Compare two learning cities",
        description: """
            What two learning cities share and where they differ, for an officer who already has a candidate \
            partner: the programme concepts both run and those only one runs, shared and distinct themes, an \
            absolute similarity (0…1) and their initiatives side by side with titles. `a` and `b` are ids, names \
            or aliases, accents optional. Example: {"a": "Sơn La", "b": "Phayao", "lang": "en"}.
            """,
        input: #"""
            {"type": "object", "additionalProperties": false, "required": ["a", "b"],
             "properties": {
              "a": {"type": "string", "description": "The first city: id, name or alias, e.g. vn-son-la, Sơn La."},
              "b": {"type": "string", "description": "The second city: id, name or alias, e.g. th-phayao, Phayao."},
              "lang": {"type": "string", "enum": ["vi", "en"], "description": "Language of the concept labels (default: the first city's)."}
             }}
            """#,
        output: #"""
            {"type": "object", "required": ["a", "b", "score"],
             "properties": {
              "a": {"type": "object"}, "b": {"type": "object"}, "lang": {"type": "string"},
              "score": {"type": "number", "description": "Absolute similarity, 0…1."},
              "shared_concepts": {"type": "array"}, "only_a": {"type": "array"}, "only_b": {"type": "array"},
              "pairs": {"type": "array"}
             }}
            """#,
        summarize: MCPToolSummaries.compare)

    static let city = MCPTool(
        name: "city",
        title: "One learning city and its documents",
        description: """
            One learning city: its facts (country, UNESCO region, year it joined the network, aliases, former names, \
            status notes) and the list of its documents (profiles, initiatives, news; ids and titles). Read a \
            document in full as the resource learncity://doc/<id>. `city` is an id, name or alias, accents \
            optional. Example: {"city": "Hà Nội"}, {"city": "vn-sa-dec", "limit": 20}.
            """,
        input: #"""
            {"type": "object", "additionalProperties": false, "required": ["city"],
             "properties": {
              "city": {"type": "string", "description": "An id, name or alias, accents optional, e.g. vn-ha-noi, Hà Nội, Hanoi."},
              "limit": {"type": "integer", "minimum": 0, "maximum": 1000, "default": 100, "description": "Documents to list (default 100)."},
              "offset": {"type": "integer", "minimum": 0, "default": 0, "description": "Documents to skip."}
             }}
            """#,
        output: #"""
            {"type": "object", "required": ["city", "total", "documents"],
             "properties": {
              "city": {"type": "object", "required": ["id", "name", "country"]},
              "total": {"type": "integer"},
              "offset": {"type": "integer"},
              "documents": {"type": "array", "items": {"type": "object", "required": ["id", "type", "title"]}}
             }}
            """#,
        summarize: MCPToolSummaries.city)

    static let cities = MCPTool(
        name: "cities",
        title: "List learning cities",
        description: """
            Lists the learning cities in the index with their ids, countries, UNESCO regions, the year they joined \
            and their number of documents; `country` (ISO 3166-1 alpha-2, e.g. VN) keeps one country. Use it to \
            find a city's id. Example: {"country": "VN"}.
            """,
        input: #"""
            {"type": "object", "additionalProperties": false,
             "properties": {
              "country": {"type": "string", "pattern": "^[A-Za-z]{2}$", "description": "Only this country: ISO 3166-1 alpha-2 code, e.g. VN."}
             }}
            """#,
        output: #"""
            {"type": "object", "required": ["cities"],
             "properties": {
              "country": {"type": ["string", "null"]},
              "cities": {"type": "array", "items": {"type": "object", "required": ["id", "name", "country"]}}
             }}
            """#,
        summarize: MCPToolSummaries.cities)

    static let report = MCPTool(
        name: "report",
        title: "Partner report page (HTML)",
        description: """
            Makes the partner report of a city as one self-contained HTML page (inline CSS and SVG, no script): \
            a world map of the city and its partners, a card per partner with the score, shared programmes and \
            themes and the initiatives side by side with their source links, a theme matrix and the city's own \
            programmes. Use it when the user wants something to send or print; the page comes back as an \
            embedded text/html resource (also readable later as learncity://report/<city id>). Labels are in \
            Vietnamese or English (`lang`, default Vietnamese for Vietnamese cities). Example: \
            {"city": "Sơn La", "lang": "en", "limit": 6}.
            """,
        input: #"""
            {"type": "object", "additionalProperties": false, "required": ["city"],
             "properties": {
              "city": {"type": "string", "description": "The city: id, name or alias, accents optional, e.g. vn-son-la, Sơn La."},
              "lang": {"type": "string", "enum": ["vi", "en"], "description": "Language of the page's labels."},
              "limit": {"type": "integer", "minimum": 1, "maximum": 20, "default": 6, "description": "Partners shown (default 6)."}
             }}
            """#,
        output: #"""
            {"type": "object", "required": ["city", "lang", "partners", "uri", "bytes"],
             "properties": {
              "city": {"type": "string"}, "lang": {"type": "string"},
              "partners": {"type": "array", "items": {"type": "string"}},
              "uri": {"type": "string", "description": "The page as a resource."},
              "bytes": {"type": "integer", "description": "Size of the HTML page."}
             }}
            """#,
        summarize: MCPToolSummaries.report,
        present: { result in
            let city = result["city"]?.stringValue ?? ""
            let lang = result["lang"]?.stringValue ?? "en"
            let html = result["html"]?.stringValue ?? ""
            let uri = MCPResourceCatalog.reportPrefix + MCPResourceCatalog.encode(city) + "?lang=" + lang
            let structured: JSONValue = .object(["city": .string(city), "lang": .string(lang),
                                                 "partners": result["partners"] ?? .array([]), "uri": .string(uri),
                                                 "bytes": .integer(html.utf8.count)])
            let page: JSONValue = .object(["type": .string("resource"), "resource": .object([
                "uri": .string(uri), "mimeType": .string("text/html"), "text": .string(html)])])
            return (structured, [page])
        })
}
