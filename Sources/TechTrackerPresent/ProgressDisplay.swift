public import Foundation

/// Shows how far a long run has got, on standard error: a redrawn bar on a terminal; a plain
/// line every `lineInterval` seconds otherwise (logs, CI); nothing when quiet.
public struct ProgressDisplay: Sendable {
    /// How progress is shown.
    public enum Style: Sendable { case bar, lines, none }

    /// The style in use.
    public let style: Style
    /// Seconds between plain lines.
    public var lineInterval: TimeInterval = 10
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drewBar = false

    /// A bar on a terminal, plain lines otherwise; nothing when `quiet`.
    public init(quiet: Bool) {
        style = quiet ? .none : (isatty(STDERR_FILENO) != 0 ? .bar : .lines)
    }

    /// Seconds since the display was made.
    public var elapsed: TimeInterval { Date().timeIntervalSince(started) }

    /// Redraws if enough time has passed: `fraction` done (0…1) and a line of figures.
    /// The time left is estimated from the fraction and the elapsed time.
    public mutating func update(fraction: Double, figures: String) {
        let now = Date()
        switch style {
        case .none: return
        case .bar: guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        case .lines: guard now.timeIntervalSince(lastDraw) >= lineInterval else { return }
        }
        lastDraw = now
        let done = min(1, max(0, fraction))
        let elapsed = max(now.timeIntervalSince(started), 1e-6)
        let eta = done > 0.001 ? Self.duration(elapsed * (1 - done) / done) : "?"
        if style == .bar {
            let width = 30
            let filled = Int(done * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(Int(done * 100))% \(figures), ETA \(eta)\u{1B}[K".utf8))
            drewBar = true
        } else {
            FileHandle.standardError.write(Data("progress: \(Int(done * 100))% \(figures), ETA \(eta)\n".utf8))
        }
    }

    /// Clears the bar so that later output starts on a fresh line.
    public mutating func finish() {
        if drewBar { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drewBar = false
    }

    /// `1234567` bytes → `1.2 MB`.
    public static func bytes(_ count: Int) -> String {
        let value = Double(count)
        if value >= 1e9 { return String(format: "%.2f GB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
        if value >= 1e3 { return String(format: "%.0f kB", value / 1e3) }
        return "\(count) B"
    }

    /// `83` seconds → `1m23s`.
    public static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}
