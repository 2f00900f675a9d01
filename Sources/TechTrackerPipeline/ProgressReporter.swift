import Foundation

/// Shows how far a long run has got, on standard error: a redrawn bar with bytes, works/s
/// and time left on a terminal; a plain line every `lineInterval` seconds otherwise (logs
/// and CI); nothing when quiet.
struct ProgressReporter {
    enum Style { case bar, lines, none }

    let style: Style
    let totalBytes: Int
    let started = Date()
    var lineInterval: TimeInterval = 10
    private var lastDraw = Date.distantPast
    private var drewBar = false

    init(style: IngestOptions.ProgressStyle, totalBytes: Int) {
        switch style {
        case .quiet: self.style = .none
        case .automatic: self.style = isatty(STDERR_FILENO) != 0 ? .bar : .lines
        }
        self.totalBytes = totalBytes
    }

    /// Redraws if enough time has passed since the last draw.
    mutating func update(doneBytes: Int, works: Int) {
        let now = Date()
        switch style {
        case .none: return
        case .bar: guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        case .lines: guard now.timeIntervalSince(lastDraw) >= lineInterval else { return }
        }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 1e-6)
        let fraction = totalBytes > 0 ? min(1, Double(doneBytes) / Double(totalBytes)) : 0
        let rate = Double(works) / elapsed
        let eta = fraction > 0.001 ? elapsed * (1 - fraction) / fraction : nil
        let figures = "\(Self.bytes(doneBytes))/\(Self.bytes(totalBytes)), \(works) works, \(Int(rate)) works/s, ETA \(eta.map(Self.duration) ?? "?")"
        if style == .bar {
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(Int(fraction * 100))% \(figures)\u{1B}[K".utf8))
            drewBar = true
        } else {
            FileHandle.standardError.write(Data("progress: \(Int(fraction * 100))% \(figures)\n".utf8))
        }
    }

    /// Ends the bar's line so that later output starts on a fresh line.
    mutating func finish() {
        if drewBar { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drewBar = false
    }

    static func bytes(_ count: Int) -> String {
        let value = Double(count)
        if value >= 1e9 { return String(format: "%.2f GB", value / 1e9) }
        if value >= 1e6 { return String(format: "%.1f MB", value / 1e6) }
        if value >= 1e3 { return String(format: "%.0f kB", value / 1e3) }
        return "\(count) B"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}
