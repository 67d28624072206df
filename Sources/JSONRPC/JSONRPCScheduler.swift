import Foundation

/// The order in which a `JSONRPCWorkerServer`'s workers may run the lines it
/// reads: lines that only read run side by side; a line that writes (or
/// stops the server) waits for every line read before it, and every line
/// read after it waits for it. Lines start in the order they were read.
///
/// `@unchecked Sendable`: the reader thread and the workers share it; every
/// stored property is read and written only while `condition` is locked
/// (a `Mutex` cannot wait for a condition, so the lock is Foundation's).
final class JSONRPCScheduler: @unchecked Sendable {
    /// One line to answer.
    struct Job: Sendable {
        /// Its place in the input, from 0.
        let sequence: Int
        /// True when it must run alone (it writes, stops, or is not known to only read).
        let exclusive: Bool
        /// The line, parsed.
        let line: JSONRPCServer.ParsedLine
    }

    private let condition = NSCondition()
    private var pending: [Job] = []
    private var head = 0
    private var running = 0
    private var exclusiveRunning = false
    private var finishedExclusive = -1
    private var closed = false
    private var stopped = false
    private let capacity: Int

    /// A scheduler holding at most `capacity` lines that have not started.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Queues `job` (waiting while `capacity` lines wait already); false once stopped.
    @discardableResult
    func submit(_ job: Job) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while pending.count - head >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        pending.append(job)
        condition.broadcast()
        return true
    }

    /// The next line a worker may start, waiting until the first waiting line
    /// may run; nil when the input has ended and every line has started, or
    /// after `stop()`.
    func next() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if stopped { return nil }
            if head < pending.count {
                let job = pending[head]
                if job.exclusive ? (running == 0) : !exclusiveRunning {
                    head += 1
                    if head > 1024 {
                        pending.removeFirst(head)
                        head = 0
                    }
                    running += 1
                    if job.exclusive { exclusiveRunning = true }
                    condition.broadcast()
                    return job
                }
            } else if closed {
                return nil
            }
            condition.wait()
        }
    }

    /// A worker finished `job`.
    func finish(_ job: Job) {
        condition.lock()
        running -= 1
        if job.exclusive {
            exclusiveRunning = false
            finishedExclusive = job.sequence
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the exclusive line `sequence` has been answered (or the server stopped).
    func waitForExclusive(_ sequence: Int) {
        condition.lock()
        while finishedExclusive < sequence && !stopped { condition.wait() }
        condition.unlock()
    }

    /// No more lines: the workers finish what is queued, then `next()` returns nil.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Lines not started are dropped (after `shutdown`, or when the output closed).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// True after `stop()`.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }
}
