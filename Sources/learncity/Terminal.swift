import Foundation

/// Standard streams and what they are connected to.
enum Terminal {
    /// A writer for standard error.
    static let standardError = StandardError()

    /// True when standard error is a terminal (progress bars, colour).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// True when standard output is a terminal and colour is not disabled (NO_COLOR).
    static var stdoutWantsColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes to standard error without buffering.
    struct StandardError {
        func write(_ text: String) {
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
