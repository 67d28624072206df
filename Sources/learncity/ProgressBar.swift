import Foundation

/// A one-line progress display on standard error: a live counter with rate
/// when it is a terminal, an occasional line otherwise.
final class ProgressBar {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var lastLogged = 0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(processed: Int) {
        let now = Date()
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        if enabled {
            guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let rate = Double(processed) / elapsed
            let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"][Int(elapsed * 10) % 10]
            Terminal.standardError.write("\r\u{1B}[K\(spinner) indexing: \(processed) documents, \(Int(rate)) docs/s")
            drawn = true
        } else if processed - lastLogged >= 10_000 {
            lastLogged = processed
            Terminal.standardError.write("indexing: \(processed) documents (\(Int(Double(processed) / elapsed)) docs/s)\n")
        }
    }

    func clear() {
        guard drawn else { return }
        Terminal.standardError.write("\r\u{1B}[K")
        drawn = false
    }

    func finish() {
        clear()
    }
}
