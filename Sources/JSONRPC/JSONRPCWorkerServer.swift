import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON-RPC 2.0 over a pair of file descriptors, answered by `workers`
/// threads at once (`learncity serve`). One thread reads and frames the
/// input and parses each line; each worker owns its own methods object
/// (made on that thread by `makeMethods`, e.g. with its own open index) and
/// answers whole lines (a batch stays one line, answered by one worker).
///
/// Lines whose requests all call `concurrentMethods` (methods that only
/// read) run side by side. Any other line (a write, `shutdown`, an unknown
/// method, a batch holding one of those) waits for every line read before
/// it and holds back every line read after it, so a write is seen by the
/// requests that follow it and by none before it. Answers carry their ids
/// and go out as soon as they are ready, so they may come in another order
/// than the requests (JSON-RPC 2.0 allows it); with `ordered` they go out
/// in request order. After a `shutdown` is answered, lines not yet started
/// are dropped; the lines before it are all answered first.
public final class JSONRPCWorkerServer: Sendable {
    /// How many threads answer requests.
    public let workers: Int
    /// Whether answers go out in request order.
    public let ordered: Bool
    /// The longest request line accepted, in bytes.
    public let maxLineBytes: Int
    private let concurrentMethods: Set<String>
    private let makeMethods: @Sendable () -> any JSONRPCMethods
    private let input: Int32
    private let output: Int32
    private let log: @Sendable (String) -> Void

    /// A server reading `input` and writing `output`, answering with
    /// `workers` threads (at least one) whose methods `makeMethods` makes.
    public init(workers: Int, ordered: Bool = false, concurrentMethods: Set<String>,
                input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, maxLineBytes: Int = 1 << 20,
                log: @escaping @Sendable (String) -> Void,
                makeMethods: @escaping @Sendable () -> any JSONRPCMethods) {
        self.workers = max(1, workers)
        self.ordered = ordered
        self.concurrentMethods = concurrentMethods
        self.input = input
        self.output = output
        self.maxLineBytes = maxLineBytes
        self.log = log
        self.makeMethods = makeMethods
    }

    /// Serves until EOF (every line read is answered), `shutdown` (the lines
    /// before it are answered) or a closed output. Ignores SIGPIPE so a
    /// closed output is an EPIPE error, not a kill.
    public func run() -> JSONRPCServer.Exit {
        signal(SIGPIPE, SIG_IGN)
        let scheduler = JSONRPCScheduler(capacity: 4 * workers + 16)
        let answers = JSONRPCOutput(descriptor: output, ordered: ordered)
        let stopping = StopReason()
        let finished = DispatchGroup()
        for number in 0..<workers {
            finished.enter()
            let thread = Thread { [self] in
                work(scheduler: scheduler, answers: answers, stopping: stopping)
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.name = "jsonrpc-worker-\(number)"
            thread.start()
        }
        let exit = read(into: scheduler)
        scheduler.close()
        finished.wait()
        if let exit { return exit }
        if stopping.isShutdown { return .shutdown }
        if !answers.isOpen { return .outputClosed }
        return .endOfInput
    }

    /// One worker: its own methods, lines until there are none.
    private func work(scheduler: JSONRPCScheduler, answers: JSONRPCOutput, stopping: StopReason) {
        let server = JSONRPCServer(dispatcher: makeMethods(), input: -1, output: -1, maxLineBytes: maxLineBytes, log: log)
        while let job = scheduler.next() {
            let reply = server.answer(job.line)
            if job.exclusive && server.dispatcher.shutdownRequested {
                stopping.shutdown()
                answers.deliver(job.sequence, reply)
                scheduler.stop()  // before `finish`, so the reading thread, woken by it, reads no further
                scheduler.finish(job)
                return
            }
            if !answers.deliver(job.sequence, reply) {
                scheduler.stop()
                scheduler.finish(job)
                return
            }
            scheduler.finish(job)
        }
    }

    /// Reads, frames, parses and queues every line until the input ends or
    /// the server stops (on the calling thread); the exit when reading failed.
    private func read(into scheduler: JSONRPCScheduler) -> JSONRPCServer.Exit? {
        let parser = JSONRPCServer(dispatcher: ParseOnly(), input: input, output: -1,
                                   maxLineBytes: maxLineBytes, log: log)
        var framer = LineFramer(maxLineBytes: maxLineBytes)
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }
        var sequence = 0
        func queue(_ event: LineFramer.Event) {
            guard !scheduler.isStopped else { return }
            let line: JSONRPCServer.ParsedLine
            switch event {
            case .line(let bytes): line = parser.parse(bytes)
            case .tooLong(let length): line = .answered(parser.tooLong(length))
            }
            let exclusive = !line.onlyCalls(concurrentMethods)
            let job = JSONRPCScheduler.Job(sequence: sequence, exclusive: exclusive, line: line)
            sequence += 1
            guard scheduler.submit(job) else { return }
            // Read no further until a write or `shutdown` is answered: after a
            // shutdown nothing more is read, and reads after a write wait for it anyway.
            if exclusive { scheduler.waitForExclusive(job.sequence) }
        }
        while !scheduler.isStopped {
            // Wait for input a tenth of a second at a time, so that a worker
            // that found the output closed stops the server without more input.
            var ready = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, 100)
            if polled == 0 || (polled < 0 && errno == EINTR) { continue }
            let count = posixRead(input, chunk.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .inputFailed(errno)
            }
            if count == 0 {
                framer.finish(emit: queue)
                return nil
            }
            framer.feed(UnsafeBufferPointer(rebasing: chunk[0..<count]), emit: queue)
        }
        return nil
    }
}

/// Why the workers stopped early, set by the worker that saw it.
private final class StopReason: Sendable {
    private let shutdownAnswered = Mutex(false)

    /// A `shutdown` was answered.
    func shutdown() { shutdownAnswered.withLock { $0 = true } }
    /// True after `shutdown()`.
    var isShutdown: Bool { shutdownAnswered.withLock { $0 } }
}

/// The methods of the reading thread's server, which only parses lines
/// (`JSONRPCServer.parse`) and never runs one.
private final class ParseOnly: JSONRPCMethods {
    func dispatch(_ request: JSONRPCRequest) -> Result<any Encodable & Sendable, JSONRPCError> {
        .failure(JSONRPCError(.internalError, "internal error: the input thread runs no method"))
    }
    var shutdownRequested: Bool { false }
}

#if canImport(Glibc)
private let posixRead = Glibc.read
#elseif canImport(Darwin)
private let posixRead = Darwin.read
#endif
