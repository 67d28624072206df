import LearningCities

/// The fixed words of recommend and compare output, in Vietnamese or English.
struct ReasonWording {
    let lang: String

    private var vi: Bool { lang == "vi" }
    var theText: String { vi ? "đoạn mô tả" : "the text" }
    var partnersFor: String { vi ? "Đối tác cho" : "Partners for" }
    var weak: String {
        vi ? "Lưu ý: ngay cả đối tác phù hợp nhất cũng chỉ giống ở mức thấp."
            : "Note: even the best match is weak: few programmes in common."
    }
    var concepts: String { vi ? "chương trình chung: " : "shared programmes: " }
    var themes: String { vi ? "chủ đề nổi bật: " : "distinguishing themes: " }
    var words: String { vi ? "từ chung: " : "shared words: " }
    var onlyPrefix: String { vi ? "chỉ có ở " : "only in " }
    var pairs: String { vi ? "hoạt động tương ứng:" : "matching initiatives:" }
    var similarity: String { vi ? "mức giống nhau" : "similarity" }

    func noPartner(_ subject: String) -> String {
        vi ? "Không tìm thấy đối tác cho \(subject)." : "No partner found for \(subject)."
    }

    func themeName(_ id: String, _ themes: ThemeVocabulary) -> String {
        guard let theme = themes[id] else { return id }
        return vi ? (theme.name.vi ?? theme.name.en) : theme.name.en
    }

    func title(_ document: DocumentReference) -> String {
        document.title.isEmpty ? document.id : document.title
    }
}
