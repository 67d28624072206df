import Foundation

/// Writes a generated page: to standard output for `-`, otherwise atomically
/// (a temporary file renamed into place), saying where on standard error.
enum HTMLFileWriter {
    static func write(_ html: String, to path: String) throws {
        if path == "-" {
            print(html, terminator: "")
            return
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(description: "cannot write \(path): \((error as NSError).localizedDescription)")
        }
        Terminal.standardError.write("learncity: wrote \(path) (\(html.utf8.count / 1024) KiB)\n")
    }
}
