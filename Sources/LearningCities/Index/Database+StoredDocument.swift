import Foundation
import XapianKit

extension Database {
    /// The stored document of `docid` (see `StoredDocument.encoded()`), or
    /// nil when its data is not one. Xapian's failures are thrown, not
    /// swallowed: a reader retries or reports them.
    func storedDocument(_ docid: UInt32) throws(XapianError) -> StoredDocument? {
        let data = try data(of: docid)
        return try? StoredDocument(stored: data)
    }
}
