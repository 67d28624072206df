import Testing
@testable import JSONRPC

/// Line framing and nesting checks of the JSON-RPC server.
struct LineFramerTests {
    private func frame(_ chunks: [[UInt8]], cap: Int) -> [LineFramer.Event] {
        var framer = LineFramer(maxLineBytes: cap)
        var events: [LineFramer.Event] = []
        for chunk in chunks { framer.feed(chunk) { events.append($0) } }
        framer.finish { events.append($0) }
        return events
    }

    @Test func splitsLinesAcrossChunksAndStripsCarriageReturns() {
        let events = frame([Array("ab".utf8), Array("c\r\nde\nf".utf8)], cap: 100)
        #expect(events == [.line(Array("abc".utf8)), .line(Array("de".utf8)), .line(Array("f".utf8))])
    }

    @Test func dropsAnOverlongLineAndResynchronisesAtTheNextNewline() {
        let long = [UInt8](repeating: 0x61, count: 25)
        let events = frame([Array(long[0..<10]), Array(long[10...]) + [0x0A] + Array("ok\n".utf8)], cap: 8)
        #expect(events == [.tooLong(25), .line(Array("ok".utf8))])
        #expect(frame([long], cap: 8) == [.tooLong(25)])
        #expect(frame([Array("12345678\n".utf8)], cap: 8) == [.line(Array("12345678".utf8))])
        #expect(frame([Array("123456789\n".utf8)], cap: 8) == [.tooLong(9)])
    }

    @Test func nestingIsMeasuredOutsideStrings() {
        #expect(JSONNestingScanner.depth(of: Array(#"{"a":[1,{"b":2}]}"#.utf8)) == 3)
        #expect(JSONNestingScanner.depth(of: Array(#"{"a":"[[[[\"[[["}"#.utf8)) == 1)
        #expect(JSONNestingScanner.depth(of: Array(String(repeating: "[", count: 65).utf8)) == nil)
        #expect(JSONNestingScanner.depth(of: Array(String(repeating: "[", count: 64).utf8)) == 64)
    }
}
