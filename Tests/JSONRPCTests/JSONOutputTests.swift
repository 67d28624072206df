import Foundation
import Testing
@testable import JSONRPC

/// `JSONOutput` writes exactly the bytes of Foundation's `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]`, for every shape a value can take.
@Suite struct JSONOutputTests {
    private func foundation<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONOutput.foundationEncoder.encode(value), as: UTF8.self)
    }

    private func fast<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try SortedKeysJSONEncoder().encode(value), as: UTF8.self)
    }

    struct Hit: Codable {
        var id: String
        var score: Double
        var date: String?
        var cities: [String]
        var rank: Int
        var flags: [Bool]
        var nested: [String: [Int]]
        var small: Int8 = -3
        var big: UInt64 = .max
        var ratio: Float = 0.1
    }

    @Test func scalarsStringsAndNumbersAsFoundationWritesThem() throws {
        let strings = ["", "plain", "quote \" backslash \\ slash / url https://x.org/a?b=c", "tab\tnewline\nreturn\r",
                       "controls \u{0}\u{1}\u{8}\u{b}\u{c}\u{1f}\u{7f}", "Thành phố học tập – “quotes” 🎓 \u{2028}",
                       "e\u{301} decomposed", "<b>html</b> & 'apostrophe'"]
        for string in strings {
            #expect(try fast(string) == foundation(string))
            #expect(try fast([string]) == foundation([string]))
        }
        let doubles: [Double] = [0, -0.0, 1, -1, 0.1, 1.5, 12.345678901234567, 1e20, 1e21, 1e-7, 123456789012345680,
                                 .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.0 / 3.0]
        for double in doubles { #expect(try fast(double) == foundation(double), "\(double)") }
        #expect(try fast([Int.min, Int.max, 0]) == foundation([Int.min, Int.max, 0]))
        #expect(try fast([Float(0.1), 1, 3.25]) == foundation([Float(0.1), 1, 3.25]))
        #expect(try fast(true) == foundation(true))
        #expect(try fast([String?.none, "x"]) == foundation([String?.none, "x"]))
    }

    @Test func objectsHaveTheirKeysSortedByBytesAndOptionalsLeftOut() throws {
        let hit = Hit(id: "news/a", score: 3.5, date: nil, cities: ["vn-ha-noi", "ie-cork"], rank: 1, flags: [true, false],
                      nested: ["b": [1], "a": [], "B": [2], "_": [3], "10": [4], "9": [5], "é": [6], "z": [7], "ä": [8]])
        #expect(try fast(hit) == foundation(hit))
        #expect(try fast([hit, hit]) == foundation([hit, hit]))
        let dictionary: [String: JSONValue] = ["id": .integer(3), "result": .object(["x": .array([.null, .number(0.5)])]),
                                               "VN": .string("Việt Nam"), "vn": .bool(false), "v_n": .string("")]
        #expect(try fast(dictionary) == foundation(dictionary))
        let empty: [String: Int] = [:]
        #expect(try fast(empty) == foundation(empty))
        #expect(try fast([[Int]]()) == foundation([[Int]]()))
    }

    @Test func responsesWithAnyResultAndErrors() throws {
        let success = JSONRPCResponse(id: .integer(7), result: JSONValue.object(["total": .integer(2)]))
        #expect(try fast(success) == foundation(success))
        let failure = JSONRPCResponse(id: .string("a/b"), error: JSONRPCError(.invalidParams, "bad \"query\""))
        #expect(try fast(failure) == foundation(failure))
        #expect(try fast([success, failure]) == foundation([success, failure]))
    }

    @Test func foundationSpecialTypesAreLeftToFoundation() throws {
        struct Stamped: Encodable {
            var when = Date(timeIntervalSinceReferenceDate: 12.5)
            var url = URL(string: "https://uil.unesco.org/a")!
            var blob = Data([1, 2, 3])
        }
        #expect(throws: SortedKeysJSONEncoder.Unsupported.self) { try fast(Stamped()) }
        #expect(try JSONOutput.string(Stamped()) == foundation(Stamped()))
    }

    @Test func nonFiniteNumbersAreRefusedLikeFoundation() {
        #expect(throws: EncodingError.self) { try fast(["score": Double.nan]) }
        #expect(throws: EncodingError.self) { try foundation(["score": Double.nan]) }
        #expect(throws: EncodingError.self) { try fast([Float.infinity]) }
    }
}
