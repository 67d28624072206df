import Foundation

/// One writer thread of an indexing run: its own `IndexSession` (database,
/// lock, transaction), fed by a bounded queue of source documents so that
/// memory stays flat however fast the corpus is read.
///
/// `@unchecked Sendable`: the writer thread owns `session` (a Xapian
/// database, not thread-safe) from `start()` until it signals `done`; the
/// starting thread touches `session` and `failure` only after `wait()`
/// (the semaphore orders those reads after the thread's writes), and
/// `queue` locks itself.
final class IndexWriter: @unchecked Sendable {
    /// The database written.
    var path: String { session.path }
    /// Documents waiting to be written.
    let queue: BoundedQueue<SourceDocument>
    /// The session (its summary once the thread is done).
    let session: IndexSession
    /// Why the thread stopped early, if it did.
    private(set) var failure: Error?
    private let corpus: PreparedCorpus
    private let tables: IndexSession.Tables
    private let done = DispatchSemaphore(value: 0)
    /// Called once, on this writer's thread, after its first document is written.
    private var onFirstWrite: (@Sendable () -> Void)?

    /// A writer of `session`; its `finish` stores `tables`.
    init(session: IndexSession, corpus: PreparedCorpus, tables: IndexSession.Tables, capacity: Int,
         onFirstWrite: (@Sendable () -> Void)? = nil) {
        self.session = session
        self.onFirstWrite = onFirstWrite
        self.corpus = corpus
        self.tables = tables
        queue = BoundedQueue(capacity: capacity)
    }

    /// Starts the thread.
    func start() {
        let thread = Thread { [self] in
            do { try work() } catch { failure = error }
            while queue.pop() != nil {}  // never leave the reader blocked on a full queue
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.name = "learncity-index-writer"
        thread.start()
    }

    /// Waits for the thread to end (after `queue.close()`).
    func wait() { done.wait() }

    private func work() throws {
        while let source = queue.pop() {
            try session.apply(source, corpus: corpus)
            if let first = onFirstWrite {
                onFirstWrite = nil
                first()
            }
        }
        try session.finish(corpus: corpus, tables: tables)
    }

    /// Commits the session and releases its lock.
    func commit() throws {
        try session.commit()
    }

    /// Drops the uncommitted changes and releases the lock.
    func abandon() {
        session.abandon()
    }
}
