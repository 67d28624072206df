/// Every fixed text of the report pages, in Vietnamese and English.
struct ReportLabels {
    let language: ReportLanguage

    private func pick(_ en: String, _ vi: String) -> String { language == .vi ? vi : en }

    var htmlLang: String { language.rawValue }
    var reportTitle: String { pick("Partner cities", "Thành phố đối tác") }
    var learningCity: String { pick("UNESCO learning city", "Thành phố học tập UNESCO") }
    var joined: String { pick("joined the Global Network of Learning Cities in", "gia nhập Mạng lưới các thành phố học tập toàn cầu năm") }
    var notJoined: String { pick("year of joining not known", "chưa rõ năm gia nhập") }
    var status: String { pick("Status", "Tình trạng") }
    var worksOn: String { pick("Works on", "Các lĩnh vực") }
    var mapTitle: String { pick("Where the partners are", "Vị trí các thành phố đối tác") }
    var mapNote: String { pick("Line width shows how closely each partner's programmes match.", "Độ dày đường nối thể hiện mức độ tương đồng của chương trình.") }
    var partners: String { pick("Partners", "Các đối tác") }
    var score: String { pick("Similarity", "Độ tương đồng") }
    var weakMatch: String { pick("Even the best match is weak: treat these as leads, not recommendations.",
                                 "Ngay cả đối tác phù hợp nhất cũng chỉ tương đồng ở mức thấp: hãy xem đây là gợi ý để tìm hiểu thêm.") }
    var sharedConcepts: String { pick("Shared programmes", "Chương trình chung") }
    var sharedThemes: String { pick("Shared themes", "Chủ đề chung") }
    var pairedInitiatives: String { pick("Initiatives side by side", "Sáng kiến tương ứng") }
    var source: String { pick("source", "nguồn") }
    var themeMatrix: String { pick("Themes at a glance", "Tổng quan theo chủ đề") }
    var themeMatrixNote: String { pick("Darker cells: a larger share of the city's documents is about the theme.",
                                       "Ô càng đậm: tỷ lệ tài liệu của thành phố về chủ đề đó càng lớn.") }
    var city: String { pick("City", "Thành phố") }
    var ownProgrammes: String { pick("Programmes", "Các chương trình") }
    var noProgrammes: String { pick("No initiative documents yet.", "Chưa có tài liệu về sáng kiến.") }
    var indexBuilt: String { pick("Index built on", "Chỉ mục được tạo ngày") }
    var newestDocument: String { pick("newest document in this report", "tài liệu mới nhất trong báo cáo") }
    var madeWith: String { pick("Made with", "Tạo bằng lệnh") }
    var noPartners: String { pick("No partner city was found.", "Không tìm thấy thành phố đối tác.") }
    var networkTitle: String { pick("The Global Network of Learning Cities", "Mạng lưới các thành phố học tập toàn cầu") }
    var networkNote: String { pick("Each circle is a city, coloured by UNESCO region and sized by its number of programmes.",
                                   "Mỗi vòng tròn là một thành phố, tô màu theo khu vực UNESCO, kích thước theo số chương trình.") }
    var cities: String { pick("cities", "thành phố") }
    var programmesCount: String { pick("programmes", "chương trình") }
    var region: String { pick("Region", "Khu vực") }
    var noCoordinates: String { pick("Not on the map (no coordinates)", "Không có trên bản đồ (thiếu tọa độ)") }

    /// A score as a percentage ("62 %").
    func percent(_ score: Double) -> String {
        "\(Int((score * 100).rounded())) %"
    }
}
