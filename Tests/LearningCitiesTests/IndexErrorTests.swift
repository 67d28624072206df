import Foundation
import LearningCities
import Testing
import XapianKit

/// Xapian's failures become `IndexError`s by Xapian's error class and the
/// system error number it carries, whatever the words of its message (which
/// follow the C library's locale and Xapian's version).
@Suite struct IndexErrorTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ie-\(UUID().uuidString)").path

    @Test("errors are told apart by errno and class, not by message words")
    func mappedByCode() throws {
        let path = folder + "/index"
        func mapped(_ kind: XapianError.Kind, _ type: String, errno code: Int32 = 0) -> IndexError {
            IndexError.from(XapianError(kind: kind, type: type, message: "message in some other words", systemError: code), path: path)
        }
        if case .diskFull = mapped(.database, "DatabaseError", errno: ENOSPC) {} else { Issue.record("ENOSPC is a full disk") }
        if case .diskFull = mapped(.database, "DatabaseError", errno: EDQUOT) {} else { Issue.record("EDQUOT is a full disk") }
        if case .notWritable = mapped(.databaseLocked, "DatabaseLockError", errno: EROFS) {} else { Issue.record("EROFS") }
        if case .notReadable = mapped(.databaseOpening, "DatabaseOpeningError", errno: EACCES) {} else { Issue.record("EACCES on read") }
        #expect(mapped(.databaseOpening, "DatabaseOpeningError", errno: ENOENT) == .missing(path))
        #expect(mapped(.databaseNotFound, "DatabaseNotFoundError", errno: ENOENT) == .missing(path))
        #expect(mapped(.databaseCorrupt, "DatabaseCorruptError") == .damaged(path, detail: "message in some other words"))
        #expect(mapped(.database, "DatabaseError") == .damaged(path, detail: "message in some other words"))
        if case .xapian = mapped(.database, "DatabaseClosedError") {} else { Issue.record("a closed database is not damage") }
        if case .xapian = mapped(.network, "NetworkError") {} else { Issue.record("a network error is not damage") }
        #expect(mapped(.databaseLocked, "DatabaseLockError") == .locked(path), "no lock file and a writable place: someone holds the lock")
    }

    @Test("a real index without its postlist table is damaged, not missing")
    func missingTableIsDamage() throws {
        let path = folder
        let database = try WritableDatabase(path: path)
        try database.close()
        try FileManager.default.removeItem(atPath: path + "/postlist.glass")
        #expect {
            _ = try IndexReader(path: path)
        } throws: { error in
            guard case .damaged(let damaged, _)? = error as? IndexError else { return false }
            return damaged == path
        }
        try? FileManager.default.removeItem(atPath: folder)
    }
}
