import Foundation

/// Folders a learncity process leaves behind when it is killed mid-way
/// (SIGKILL, power loss): `INDEX.building-PID` (a parallel build),
/// `INDEX.rebuild-PID` (`index --rebuild`), `INDEX.compacting-PID` and
/// `compacted-TIME-PID` (`compact`). No stub names them and the index is
/// whole without them; the next run of the same command removes those whose
/// process is gone.
enum LeftoverFolders {
    /// Removes the entries of `folder` named `prefix…-PID` whose process no
    /// longer runs, except the names in `keep`.
    static func remove(in folder: String, prefix: String, keep: Set<String> = []) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) && !keep.contains(name) {
            guard let dash = name.lastIndex(of: "-"), let pid = pid_t(name[name.index(after: dash)...]), pid > 0,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// Removes leftovers named `INDEX<infix>PID` beside the index at `indexPath`.
    static func remove(beside indexPath: String, infix: String) {
        var path = indexPath
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let parent = (path as NSString).deletingLastPathComponent
        remove(in: parent.isEmpty ? "." : parent, prefix: (path as NSString).lastPathComponent + infix)
    }
}
