import Foundation
import XapianBaseline

/// Ranked ids from the plain-Xapian baseline index (`Sources/XapianBaseline`).
struct BaselineRanker {
    /// The baseline database folder.
    let index: String

    /// The top `limit` ids for `query` with QueryParser defaults; the default
    /// operator is OR, or AND when `useAnd`.
    func search(_ query: String, useAnd: Bool, limit: Int = RankingMetrics.depth) throws -> [String] {
        try call("baseline search '\(query)'") { ids, idsSize, error, errorSize in
            xb_search_ids(index, query, useAnd ? 1 : 0, UInt32(limit), ids, idsSize, error, errorSize)
        }
    }

    /// The top `limit` ids most like document `id` (ESet of the document, top 40 terms, weighted OR).
    func moreLikeThis(_ id: String, limit: Int = RankingMetrics.depth) throws -> [String] {
        try call("baseline more-like-this '\(id)'") { ids, idsSize, error, errorSize in
            xb_more_like_this(index, id, UInt32(limit), ids, idsSize, error, errorSize)
        }
    }

    private func call(_ what: String,
                      _ body: (UnsafeMutablePointer<CChar>, Int, UnsafeMutablePointer<CChar>, Int) -> Int32) throws -> [String] {
        var ids = [CChar](repeating: 0, count: 1 << 16)
        var error = [CChar](repeating: 0, count: 512)
        let idsCount = ids.count
        let errorCount = error.count
        let status = ids.withUnsafeMutableBufferPointer { idsBuffer in
            error.withUnsafeMutableBufferPointer { errorBuffer in
                body(idsBuffer.baseAddress!, idsCount, errorBuffer.baseAddress!, errorCount)
            }
        }
        guard status == 0 else {
            throw BenchFailure(description: "\(what): " + Self.text(error))
        }
        return Self.text(ids).split(separator: "\n").map(String.init)
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
