import Foundation

/// Who owns a file and who is asking: the words of a "permission denied"
/// message, so that the user sees whose folder it is and what to change.
enum FileOwnership {
    /// True when something exists at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// True when this process may list and read the folder (or read the file) at `path`.
    static func canRead(_ path: String) -> Bool {
        access(path, R_OK) == 0 && (!isDirectory(path) || access(path, X_OK) == 0)
    }

    /// "permission denied: it belongs to root (uid 0), mode rwxr-xr-x, and
    /// learncity runs as nobody (uid 65534); run it as the owner or give this
    /// user `access` permission". The nearest existing folder is described
    /// when `path` does not exist yet.
    static func explain(_ path: String, access: String) -> String {
        var target = path
        while !exists(target), target != "/", !target.isEmpty {
            target = (target as NSString).deletingLastPathComponent
            if target.isEmpty { target = "." }
        }
        var status = stat()
        guard stat(target, &status) == 0 else { return "permission denied" }
        let owner = userName(status.st_uid)
        let me = geteuid()
        let place = target == path ? "it" : "\(target)"
        return "permission denied: \(place) belongs to \(owner) (uid \(status.st_uid)), mode \(modeString(status.st_mode)), "
            + "and learncity runs as \(userName(me)) (uid \(me)); run it as the owner or give this user \(access) permission"
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }

    private static func modeString(_ mode: mode_t) -> String {
        let letters: [(mode_t, Character)] = [(S_IRUSR, "r"), (S_IWUSR, "w"), (S_IXUSR, "x"), (S_IRGRP, "r"), (S_IWGRP, "w"),
                                              (S_IXGRP, "x"), (S_IROTH, "r"), (S_IWOTH, "w"), (S_IXOTH, "x")]
        return String(letters.map { mode & $0.0 != 0 ? $0.1 : "-" })
    }
}
