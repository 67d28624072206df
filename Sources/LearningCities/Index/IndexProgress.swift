/// How far an indexing run has got, reported to the caller's thread.
public struct IndexProgress: Sendable, Equatable {
    /// The stage of the run.
    public enum Phase: Sendable, Equatable {
        /// Reading, analysing and writing documents (`done` documents of about `total`).
        case indexing
        /// Merging the partial databases with Xapian's compactor (`done` bytes of about `total`).
        case merging
        /// Removing vanished documents, writing the vocabulary tables and committing (no total).
        case finishing
    }

    /// The stage.
    public var phase: Phase
    /// Units done: documents while indexing, bytes while merging.
    public var done: Int
    /// Units expected (an estimate: corpus lines, or the partial databases' size); 0 when unknown.
    public var total: Int

    /// A progress report.
    public init(phase: Phase, done: Int, total: Int) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}
