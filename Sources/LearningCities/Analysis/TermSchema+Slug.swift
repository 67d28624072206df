extension TermSchema {
    /// A region name as a term-friendly slug.
    public static func slug(_ text: String) -> String {
        let folded = AccentFolder.fold(text).lowercased()
        var slug = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if dash, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        return slug
    }
}
