internal import CXapian

/// A Xapian database opened for reading: a directory, a stub file listing
/// shards (local or remote), or several databases searched as one.
///
/// Not thread-safe: use one `Database` per thread.
public final class Database {
    let handle: OpaquePointer

    /// Opens the database at `path` (a Xapian directory or stub file).
    public init(path: String) throws(XapianError) {
        handle = try xapianHandle { lc_database_open(path, $0) }
    }

    /// Opens a database served by `xapian-tcpsrv` at `host:port`. Reads
    /// time out after `timeout`, connecting after `connectTimeout` (seconds),
    /// so a shard that is down or unreachable fails instead of hanging.
    public init(remoteHost host: String, port: Int, timeout: Double = 10, connectTimeout: Double = 5) throws(XapianError) {
        guard (1...65535).contains(port) else {
            throw XapianError(kind: .invalidArgument, type: "InvalidArgumentError", message: "port \(port) is not in 1...65535")
        }
        handle = try xapianHandle {
            lc_database_open_remote(host, UInt32(port), UInt32(max(timeout, 0.001) * 1000),
                                    UInt32(max(connectTimeout, 0.001) * 1000), $0)
        }
    }

    /// Searches `parts` as one database (Xapian's `add_database`); the parts
    /// stay usable on their own.
    public init(combining parts: [Database]) throws(XapianError) {
        var error = lc_error()
        let handles: [OpaquePointer?] = parts.map(\.handle)
        let opened = handles.withUnsafeBufferPointer { lc_database_combine($0.baseAddress, parts.count, &error) }
        guard let opened else { throw XapianError(error) }
        handle = opened
    }

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { lc_database_free(handle) }

    /// Moves to the latest committed revision; true when it changed.
    @discardableResult
    public func reopen() throws(XapianError) -> Bool {
        var changed: Int32 = 0
        try xapianCall { lc_database_reopen(handle, &changed, $0) }
        return changed != 0
    }

    /// The number of documents.
    public func documentCount() throws(XapianError) -> Int {
        var count: UInt32 = 0
        try xapianCall { lc_database_doccount(handle, &count, $0) }
        return Int(count)
    }

    /// The number of documents indexed by `term`.
    public func termFrequency(_ term: String) throws(XapianError) -> Int {
        var count: UInt32 = 0
        try xapianCall { error in withCBytes(term) { lc_database_termfreq(handle, $0, $1, &count, error) } }
        return Int(count)
    }

    /// The first document indexed by `term`, if any.
    public func documentID(for term: String) throws(XapianError) -> UInt32? {
        var docid: UInt32 = 0
        try xapianCall { error in withCBytes(term) { lc_database_find(handle, $0, $1, &docid, error) } }
        return docid == 0 ? nil : docid
    }

    /// How many documents contain both terms (counting stops at `limit`).
    public func cooccurrence(_ first: String, _ second: String, limit: Int = 1000) throws(XapianError) -> Int {
        var count: UInt32 = 0
        try xapianCall { lc_database_cooccurrence(handle, first, second, UInt32(clamping: limit), &count, $0) }
        return Int(count)
    }

    /// Every document indexed by `term`.
    public func documentIDs(for term: String) throws(XapianError) -> [UInt32] {
        var ids: UnsafeMutablePointer<UInt32>?
        var count = 0
        try xapianCall { error in withCBytes(term) { lc_database_postings(handle, $0, $1, &ids, &count, error) } }
        defer { lc_free_docids(ids) }
        guard let ids else { return [] }
        return Array(UnsafeBufferPointer(start: ids, count: count))
    }

    /// The data stored with a document.
    public func data(of docid: UInt32) throws(XapianError) -> [UInt8] {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        try xapianCall { lc_database_data(handle, docid, &pointer, &length, $0) }
        return copyBytes(pointer, length)
    }

    /// The value a document holds in `slot` (empty when none).
    public func value(of docid: UInt32, slot: Int) throws(XapianError) -> [UInt8] {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        try xapianCall { lc_database_value(handle, docid, UInt32(slot), &pointer, &length, $0) }
        return copyBytes(pointer, length)
    }

    /// All terms that start with `prefix`, with their document frequencies.
    public func allTerms(prefix: String = "") throws(XapianError) -> [TermFrequency] {
        takeTermList(try xapianHandle { lc_database_allterms(handle, prefix, $0) })
    }

    /// All terms without a prefix (not starting with an ASCII capital), with
    /// their document frequencies; prefixed terms are skipped without being read.
    public func unprefixedTerms() throws(XapianError) -> [TermFrequency] {
        takeTermList(try xapianHandle { lc_database_unprefixed_terms(handle, $0) })
    }

    /// A document named by a unique term, with one of its values.
    public struct UniqueTermValue: Sendable {
        /// The term without its prefix.
        public let name: String
        /// The one document it indexes.
        public let docid: UInt32
        /// That document's value in the slot asked for.
        public let value: [UInt8]
    }

    /// Every term starting with `prefix` that indexes exactly one document
    /// (unique ids), with that document's value in `slot`: one pass over the
    /// terms and one over the slot's value stream, no per-document look-up.
    public func uniqueTerms(prefix: String, withValue slot: Int) throws(XapianError) -> [UniqueTermValue] {
        let list = try xapianHandle { lc_database_unique_terms_with_value(handle, prefix, UInt32(slot), $0) }
        defer { lc_termlist_free(list) }
        let count = lc_termlist_size(list)
        var result: [UniqueTermValue] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            var length = 0
            let term = decodeBytes(lc_termlist_term(list, i, &length), length)
            var valueLength = 0
            let value = copyBytes(lc_termlist_value(list, i, &valueLength), valueLength)
            result.append(UniqueTermValue(name: term, docid: lc_termlist_freq(list, i), value: value))
        }
        return result
    }

    /// The terms of one document that start with `prefix`, with their wdf.
    public func terms(of docid: UInt32, prefix: String = "") throws(XapianError) -> [TermFrequency] {
        takeTermList(try xapianHandle { lc_database_document_terms(handle, docid, prefix, $0) })
    }

    /// The user metadata stored under `key` (empty when none).
    public func metadata(_ key: String) throws(XapianError) -> [UInt8] {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        try xapianCall { lc_database_metadata(handle, key, &pointer, &length, $0) }
        return copyBytes(pointer, length)
    }

    /// The synonyms recorded for `key`.
    public func synonyms(of key: String) throws(XapianError) -> [String] {
        takeTermList(try xapianHandle { lc_database_synonyms(handle, key, $0) }).map(\.term)
    }

    /// Every word of the spelling dictionary with its frequency.
    public func spellings() throws(XapianError) -> [TermFrequency] {
        takeTermList(try xapianHandle { lc_database_spellings(handle, $0) })
    }

    /// Every key of the synonym table that starts with `prefix`.
    public func synonymKeys(prefix: String = "") throws(XapianError) -> [String] {
        takeTermList(try xapianHandle { lc_database_synonym_keys(handle, prefix, $0) }).map(\.term)
    }

    /// The revision this (single, local) database was opened at: it grows
    /// with every commit. Xapian refuses it for several databases combined.
    public func revision() throws(XapianError) -> UInt64 {
        var revision: UInt64 = 0
        try xapianCall { lc_database_revision(handle, &revision, $0) }
        return revision
    }

    /// The database's UUID, which a copy keeps and a new database does not share.
    public func uuid() throws(XapianError) -> String {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        try xapianCall { lc_database_uuid(handle, &pointer, &length, $0) }
        return decodeBytes(pointer, length)
    }

    /// Xapian's spelling suggestion for `word`, if any.
    public func spellingSuggestion(for word: String, maxEditDistance: Int = 2) throws(XapianError) -> String? {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        try xapianCall { lc_database_spelling(handle, word, UInt32(maxEditDistance), &pointer, &length, $0) }
        let suggestion = decodeBytes(pointer, length)
        return suggestion.isEmpty ? nil : suggestion
    }

    /// Merges `sources` into one new, compact database at `destination`.
    public static func compact(_ sources: [String], into destination: String, singleFile: Bool = false) throws(XapianError) {
        var error = lc_error()
        let status = withCStringArray(sources) { lc_compact($0, sources.count, destination, singleFile ? 1 : 0, &error) }
        if status != 0 { throw XapianError(error) }
    }

    /// Atomically exchanges the files or folders at `first` and `second`
    /// (Linux `renameat2` with `RENAME_EXCHANGE`): used to swap a freshly
    /// compacted database in while readers keep their open files.
    public static func exchangePaths(_ first: String, _ second: String) throws(XapianError) {
        try xapianCall { lc_exchange_paths(first, second, $0) }
    }
}
