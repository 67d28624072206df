import Foundation
import Synchronization
import XapianKit

/// Merges the partial databases of a parallel build into one database with
/// Xapian's compactor, reporting progress as the bytes written so far
/// against the partials' size (the compactor itself reports only per table).
enum PartialIndexMerge {
    /// Compacts `partials` into the new database `destination`; `progress`
    /// hears (bytes written, bytes expected) on the calling thread about five
    /// times a second.
    static func merge(_ partials: [String], into destination: String,
                      progress: (Int, Int) -> Void) throws {
        let expected = partials.reduce(0) { $0 + IndexCompactor.bytes(in: $1) }
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<XapianError?>(nil)
        let thread = Thread {
            do { try Database.compact(partials, into: destination) } catch let error as XapianError { failure.withLock { $0 = error } } catch {}
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.name = "learncity-index-merge"
        thread.start()
        progress(0, expected)
        while finished.wait(timeout: .now() + .milliseconds(200)) == .timedOut {
            progress(min(IndexCompactor.bytes(in: destination), expected), expected)
        }
        if let failure = failure.withLock({ $0 }) { throw IndexError.from(failure, path: destination) }
        progress(expected, expected)
    }}
