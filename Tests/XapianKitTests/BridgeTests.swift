import Foundation
import Testing
@testable import XapianKit

/// The bridge: Xapian's errors become Swift errors, never a crash; the
/// handles do what Xapian does.
@Suite struct BridgeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xk-\(UUID().uuidString)").path

    @Test func openingAMissingDatabaseThrows() {
        #expect {
            _ = try Database(path: "/nonexistent/learncity-\(UUID().uuidString)")
        } throws: { error in
            guard let error = error as? XapianError else { return false }
            return (error.kind == .databaseNotFound || error.kind == .databaseOpening) && !error.message.isEmpty
        }
    }

    @Test func aMissingTableCarriesItsSystemErrorNumber() throws {
        let database = try WritableDatabase(path: folder)
        try database.close()
        try FileManager.default.removeItem(atPath: folder + "/postlist.glass")
        do {
            _ = try Database(path: folder)
            Issue.record("opened a database without its postlist table")
        } catch {
            #expect(error.kind == .databaseOpening, "\(error)")
            #expect(error.systemError == ENOENT, "\(error) carries errno \(error.systemError)")
        }
        #expect(XapianError(kind: .queryParser, type: "QueryParserError", message: "x").systemError == 0)
    }

    @Test func aSecondWriterGetsALockError() throws {
        let first = try WritableDatabase(path: folder)
        #expect(throws: XapianError.self) { _ = try WritableDatabase(path: folder) }
        do {
            _ = try WritableDatabase(path: folder)
        } catch {
            #expect(error.kind == .databaseLocked)
            #expect(error.type == "DatabaseLockError")
        }
        try first.close()
        _ = try WritableDatabase(path: folder)  // the lock is released on close
    }

    @Test func replaceDeleteAndReadBack() throws {
        let writer = try WritableDatabase(path: folder)
        var document = Document()
        document.add("hello", position: 1)
        document.add("world", position: 2)
        document.addBoolean("Qdoc-1")
        document.setValue("news", slot: 0)
        document.data = Array("payload".utf8)
        try writer.replace(document, idTerm: "Qdoc-1")
        try writer.replace(document, idTerm: "Qdoc-1")  // replacing keeps one copy
        try writer.commit()
        let reader = try Database(path: folder)
        #expect(try reader.documentCount() == 1)
        let docid = try #require(try reader.documentID(for: "Qdoc-1"))
        #expect(String(decoding: try reader.data(of: docid), as: UTF8.self) == "payload")
        #expect(String(decoding: try reader.value(of: docid, slot: 0), as: UTF8.self) == "news")
        #expect(try reader.termFrequency("hello") == 1)
        try writer.delete(idTerm: "Qdoc-1")
        try writer.commit()
        try reader.reopen()
        #expect(try reader.documentCount() == 0)
    }

    @Test func aCancelledTransactionLeavesNothing() throws {
        let writer = try WritableDatabase(path: folder)
        try writer.beginTransaction()
        var document = Document()
        document.add("ghost")
        try writer.replace(document, idTerm: "Qghost")
        try writer.cancelTransaction()
        try writer.commit()
        #expect(try Database(path: folder).documentCount() == 0)
    }

    @Test func queryParserErrorsAreSwiftErrors() throws {
        let writer = try WritableDatabase(path: folder)
        try writer.commit()
        let reader = try Database(path: folder)
        var options = SearchOptions()
        options.query = "foo AND"
        do {
            _ = try reader.search(options)
            Issue.record("expected a QueryParserError")
        } catch {
            #expect(error.kind == .queryParser)
            #expect(error.message.contains("AND"))
        }
    }

    @Test func searchFiltersFacetsAndSnippets() throws {
        let writer = try WritableDatabase(path: folder)
        for (index, (text, type)) in [("red apples and green pears", "news"), ("green tea", "profile"),
                                      ("red wine", "news")].enumerated() {
            var document = Document()
            for (position, word) in text.split(separator: " ").enumerated() {
                document.add("XF" + word, position: UInt32(position + 1))
            }
            document.addBoolean("XT" + type)
            document.setValue(type, slot: 0)
            document.data = Array(text.utf8)
            try writer.replace(document, idTerm: "Q\(index)")
        }
        try writer.commit()
        let reader = try Database(path: folder)
        var options = SearchOptions()
        options.query = "green"
        options.defaultPrefix = "XF"
        options.facetSlots = [0]
        options.checkAtLeast = 10
        var matches = try reader.search(options)
        #expect(matches.hits.count == 2)
        #expect(Dictionary(uniqueKeysWithValues: matches.facets[0].map { ($0.value, $0.count) }) == ["news": 1, "profile": 1])
        options.filters = [("XT", "news")]
        matches = try reader.search(options)
        #expect(matches.hits.count == 1)
        #expect(try matches.queryTerms().contains("XFgreen"))
        options.query = "green nothing"
        options.filters = []
        matches = try reader.search(options)
        #expect(matches.relaxed)
        #expect(matches.hits.count == 2)
    }

    @Test func expandReturnsDescriptiveTerms() throws {
        let writer = try WritableDatabase(path: folder)
        let texts = ["festival music festival", "festival art", "literacy reading", "literacy class"]
        for (index, text) in texts.enumerated() {
            var document = Document()
            for word in text.split(separator: " ") { document.add("XF" + word) }
            try writer.replace(document, idTerm: "Q\(index)")
        }
        try writer.commit()
        let reader = try Database(path: folder)
        var options = ExpandOptions(relevantDocuments: [1, 2])
        options.prefix = "XF"
        options.stopTerms = ["XFart"]
        let terms = try reader.expand(options).map(\.term)
        #expect(terms.first == "XFfestival")
        #expect(!terms.contains("XFart"))
        #expect(!terms.contains("XFliteracy"))
    }
}
