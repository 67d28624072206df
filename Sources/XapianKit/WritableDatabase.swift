internal import CXapian

/// A Xapian database opened for writing. Holds the database's write lock
/// until closed or deinitialised; nothing is committed implicitly.
public final class WritableDatabase {
    let handle: OpaquePointer
    private var closed = false

    /// Opens (and, when `create` is true, creates) the database at `path`.
    /// Throws `.databaseLocked` when another writer holds the lock.
    public init(path: String, create: Bool = true) throws(XapianError) {
        handle = try xapianHandle { lc_writable_open(path, create ? 1 : 0, $0) }
    }

    deinit { lc_writable_free(handle) }

    /// Starts a transaction: nothing is visible to readers until `commitTransaction`.
    public func beginTransaction() throws(XapianError) {
        try xapianCall { lc_writable_begin_transaction(handle, $0) }
    }

    /// Commits the transaction atomically.
    public func commitTransaction() throws(XapianError) {
        try xapianCall { lc_writable_commit_transaction(handle, $0) }
    }

    /// Drops every change made since `beginTransaction`.
    public func cancelTransaction() throws(XapianError) {
        try xapianCall { lc_writable_cancel_transaction(handle, $0) }
    }

    /// Runs `body` in a transaction: committed if it returns, cancelled if it throws.
    public func transaction<R>(_ body: () throws -> R) throws -> R {
        try beginTransaction()
        do {
            let result = try body()
            try commitTransaction()
            return result
        } catch {
            try? cancelTransaction()
            throw error
        }
    }

    /// Commits pending changes (outside a transaction).
    public func commit() throws(XapianError) {
        try xapianCall { lc_writable_commit(handle, $0) }
    }

    /// Replaces the document indexed by the unique term `idTerm`, or adds it.
    public func replace(_ document: Document, idTerm: String) throws(XapianError) {
        let doc = try document.makeHandle()
        defer { lc_document_free(doc) }
        try xapianCall { error in withCBytes(idTerm) { lc_writable_replace(handle, $0, $1, doc, error) } }
    }

    /// Adds `document` as a new one, without looking for an existing copy
    /// (a fresh build); returns the Xapian document id it got.
    @discardableResult
    public func add(_ document: Document) throws(XapianError) -> UInt32 {
        let doc = try document.makeHandle()
        defer { lc_document_free(doc) }
        var docid: UInt32 = 0
        try xapianCall { lc_writable_add(handle, doc, &docid, $0) }
        return docid
    }

    /// Replaces the document with Xapian id `docid` (no term look-up).
    public func replace(_ document: Document, docid: UInt32) throws(XapianError) {
        let doc = try document.makeHandle()
        defer { lc_document_free(doc) }
        try xapianCall { lc_writable_replace_docid(handle, docid, doc, $0) }
    }

    /// Deletes the document with Xapian id `docid`.
    public func delete(docid: UInt32) throws(XapianError) {
        try xapianCall { lc_writable_delete_docid(handle, docid, $0) }
    }

    /// Deletes the documents indexed by `idTerm`.
    public func delete(idTerm: String) throws(XapianError) {
        try xapianCall { error in withCBytes(idTerm) { lc_writable_delete(handle, $0, $1, error) } }
    }

    /// Stores user metadata under `key` (an empty value removes it).
    public func setMetadata(_ value: [UInt8], for key: String) throws(XapianError) {
        try xapianCall { error in withCBytes(value) { lc_writable_set_metadata(handle, key, $0, $1, error) } }
    }

    /// Records `term` as a synonym of `key`.
    public func addSynonym(_ term: String, for key: String) throws(XapianError) {
        try xapianCall { lc_writable_add_synonym(handle, key, term, $0) }
    }

    /// Removes every synonym of `key`.
    public func clearSynonyms(for key: String) throws(XapianError) {
        try xapianCall { lc_writable_clear_synonyms(handle, key, $0) }
    }

    /// Adds `word` to the spelling dictionary (or raises its frequency).
    public func addSpelling(_ word: String, increment: Int = 1) throws(XapianError) {
        try xapianCall { lc_writable_add_spelling(handle, word, UInt32(increment), $0) }
    }

    /// Lowers `word`'s spelling frequency (removing it at zero).
    public func removeSpelling(_ word: String, decrement: Int = 1) throws(XapianError) {
        try xapianCall { lc_writable_remove_spelling(handle, word, UInt32(decrement), $0) }
    }

    /// A read view that sees this writer's uncommitted changes.
    public func reader() throws(XapianError) -> Database {
        Database(handle: try xapianHandle { lc_writable_reader(handle, $0) })
    }

    /// Releases the lock; uncommitted changes are dropped.
    public func close() throws(XapianError) {
        guard !closed else { return }
        closed = true
        try xapianCall { lc_writable_close(handle, $0) }
    }
}
