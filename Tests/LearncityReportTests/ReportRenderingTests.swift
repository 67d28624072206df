import Foundation
import Testing
@testable import LearncityReport
import LearningCities

/// The pieces of the report that do not need a browser: the projection, the
/// outlines, label placement, escaping, dates, and a report built from the
/// shipped corpus.
@Suite struct ReportRenderingTests {
    @Test func equalEarthMatchesThePublishedExtents() {
        // Šavrič et al. 2018: the map is 2.05 times as wide as it is high; the equator is not stretched near 0.
        let ratio = EqualEarthProjection.maxX / EqualEarthProjection.maxY
        #expect(abs(ratio - 2.0547) < 0.001, "\(ratio)")
        let origin = EqualEarthProjection.project(longitude: 0, latitude: 0)
        #expect(abs(origin.x) < 1e-12 && abs(origin.y) < 1e-12)
        // Symmetric about both axes; latitude lines straight (y independent of longitude).
        let a = EqualEarthProjection.project(longitude: 105, latitude: 21)
        let b = EqualEarthProjection.project(longitude: -105, latitude: -21)
        #expect(abs(a.x + b.x) < 1e-12 && abs(a.y + b.y) < 1e-12)
        #expect(EqualEarthProjection.project(longitude: -40, latitude: 21).y == a.y)
        // Equal area: a 10°×10° cell at the equator and at 60°N differ by cos(latitude) in area, as on the globe.
        func area(_ lat: Double) -> Double {
            let p0 = EqualEarthProjection.project(longitude: 0, latitude: lat), p1 = EqualEarthProjection.project(longitude: 10, latitude: lat + 10)
            return abs(p1.x - p0.x) * abs(p1.y - p0.y)
        }
        let globe = (sin(70 * Double.pi / 180) - sin(60 * Double.pi / 180)) / sin(10 * Double.pi / 180)
        #expect(abs(area(60) / area(0) - globe) < 0.03, "\(area(60) / area(0)) vs \(globe)")
    }

    @Test func theOutlinesHoldTheWorldWithISOCodes() {
        let outlines = WorldOutlines.all
        #expect(outlines.count == 177)
        let vietnam = outlines.first { $0.code == "VN" }
        #expect(vietnam?.name == "Vietnam")
        let points = vietnam?.rings.flatMap { $0 } ?? []
        #expect(points.allSatisfy { (102...110).contains($0.longitude) && (8...24).contains($0.latitude) })
        #expect(Set(outlines.map(\.code)).count >= 170)
    }

    @Test func labelsNeverOverlapEachOtherOrMarkers() {
        // Twelve cities crowded into northern Viet Nam and southern China.
        let frame = MapFrame(width: 1000)
        let cities = (0..<12).map { i in frame.point(longitude: 103 + Double(i % 4) * 0.8, latitude: 20 + Double(i / 4) * 0.8) }
        var placer = LabelPlacer(width: frame.width, height: frame.height, fontSize: 13, markers: cities.map { ($0.x, $0.y, 5) })
        let markerBoxes = cities.map { LabelPlacer.Box(x: $0.x - 5, y: $0.y - 5, width: 10, height: 10) }
        var labels: [LabelPlacer.Box] = []
        for (i, city) in cities.enumerated() {
            guard let placement = placer.place("City number \(i)", x: city.x, y: city.y, radius: 5) else {
                #expect(i > 0, "the first (most important) label always gets a place")
                continue
            }
            #expect(!labels.contains { $0.overlaps(placement.box) }, "label \(i) overlaps another label")
            #expect(!markerBoxes.contains { $0.overlaps(placement.box) }, "label \(i) covers a marker")
            labels.append(placement.box)
        }
        #expect(labels.count >= 6, "half the labels of a dense cluster find a place: \(labels.count)")
        // The SVG draws exactly the labels placed.
        var map = SVGWorldMap(title: "t")
        map.markers = cities.indices.map { i in
            MapMarker(id: "c\(i)", label: "City number \(i)", longitude: 103 + Double(i % 4) * 0.8,
                      latitude: 20 + Double(i / 4) * 0.8, radius: 5, style: "partner", title: "c\(i)")
        }
        #expect(map.render().components(separatedBy: "<text ").count - 1 == labels.count)
    }

    @Test func textIsEscapedAndDatesAreWrittenOut() {
        #expect(HTMLText.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(ReportDate.format("2025-12-04", in: .en) == "4 December 2025")
        #expect(ReportDate.format("2025-12-04", in: .vi) == "ngày 4 tháng 12 năm 2025")
        #expect(ReportDate.format("2024", in: .vi) == "năm 2024")
        #expect(ReportDate.format("2024", in: .en) == "2024")
        #expect(ReportDate.format("soon", in: .en) == "soon")
    }

    @Test func aReportFromTheShippedCorpusHasEverySection() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let index = NSTemporaryDirectory() + "learncity-report-tests-" + UUID().uuidString
        _ = try CorpusIndexer(corpusPath: root.appendingPathComponent("corpus").path, indexPath: index).run()
        let reader = try IndexReader(path: index)
        let report = try PartnerReportBuilder(index: reader).build(city: "son la", language: nil, limit: 4, command: "learncity report son la")
        #expect(report.language == .vi)
        #expect(report.city.id == "vn-son-la")
        #expect(report.partners.count == 4)
        #expect(report.programmes.allSatisfy { $0.source?.hasPrefix("http") ?? ($0.type == "news") })
        let html = PartnerReportPage(report: report).render()
        for partner in report.partners {
            #expect(html.contains("data-partner=\"\(partner.city.id)\""))
        }
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("Tổng quan theo chủ đề"))
        #expect(!html.contains("<script"))
        let english = try PartnerReportBuilder(index: reader).build(city: "Hamburg", language: .en, limit: 3, command: "c")
        #expect(PartnerReportPage(report: english).render().contains("Themes at a glance"))
        #expect(throws: CityError.self) { try PartnerReportBuilder(index: reader).build(city: "Atlantis", language: nil, limit: 3, command: "c") }
    }
}
