import XapianKit

extension IndexReader {
    /// Runs `body` as every question asked of the index runs: once more on a
    /// fresh revision if a writer overwrote the one being read (`withRetry`),
    /// and with Xapian's failures as `IndexError`s naming the index.
    public func reading<R>(_ body: () throws -> R) throws -> R {
        do {
            return try withRetry(body)
        } catch let error as XapianError {
            throw IndexError.from(error, path: path)
        }
    }
}
