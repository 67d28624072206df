import Foundation
import LearningCities

/// Progress of an indexing run on standard error. On a terminal, one
/// redrawn line per stage: a bar, the share done, the rate (documents per
/// second, or MB/s for the merge) and the time left, e.g.
/// `indexing [██████░░░░░░░░░░░░░░]  31%  412 docs/s  2:14 left`.
/// Otherwise an occasional plain line.
final class ProgressBar {
    private let enabled: Bool
    private let width = 24
    private var phase: IndexProgress.Phase?
    private var phaseStarted = Date()
    private var lastDraw = Date.distantPast
    private var lastLogged = 0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ progress: IndexProgress) {
        let now = Date()
        if progress.phase != phase {
            if drawn, let phase, phase != .finishing { Terminal.standardError.write("\n") }
            drawn = false
            phase = progress.phase
            phaseStarted = now
            lastDraw = .distantPast
        }
        let elapsed = max(now.timeIntervalSince(phaseStarted), 0.001)
        if enabled {
            guard now.timeIntervalSince(lastDraw) > 0.1 || progress.done == progress.total else { return }
            lastDraw = now
            Terminal.standardError.write("\r\u{1B}[K" + Self.line(progress, elapsed: elapsed, width: width))
            drawn = true
        } else if progress.phase == .indexing, progress.done - lastLogged >= 10_000 {
            lastLogged = progress.done
            Terminal.standardError.write("indexing: \(progress.done) documents (\(Int(Double(progress.done) / elapsed)) docs/s)\n")
        }
    }

    /// The status line for `progress` after `elapsed` seconds in its stage.
    static func line(_ progress: IndexProgress, elapsed: Double, width: Int) -> String {
        let name: String
        let rate: String
        let perSecond = Double(progress.done) / elapsed
        switch progress.phase {
        case .indexing:
            name = "indexing"
            rate = "\(Int(perSecond)) docs/s"
        case .merging:
            name = "merging "
            rate = String(format: "%.0f MB/s", perSecond / 1_000_000)
        case .finishing:
            return "finishing: vocabulary tables and commit…"
        }
        guard progress.total > 0 else { return "\(name) \(progress.done)  \(rate)" }
        let share = min(1, Double(progress.done) / Double(progress.total))
        let filled = Int((share * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = String(format: "%3d%%", Int((share * 100).rounded(.down)))
        var text = "\(name) [\(bar)] \(percent)  \(rate)"
        if progress.done > 0, share < 1 {
            let left = Int((Double(progress.total - progress.done) / perSecond).rounded())
            text += String(format: "  %d:%02d left", left / 60, left % 60)
        }
        return text
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
