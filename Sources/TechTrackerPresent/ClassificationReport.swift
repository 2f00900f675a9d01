public import TechTrackerCore

/// `techtracker classify` as text: works per technology, per window, and the windows too
/// thin to rank (METHOD §5: fewer than 100 works).
public enum ClassificationReport {
    /// One technology's counts.
    public struct Row: Sendable {
        /// Slug.
        public var id: String
        /// Works matched in all years.
        public var works: Int
        /// Works matched per publication year.
        public var worksByYear: [Int: Int]

        /// Makes a row.
        public init(id: String, works: Int, worksByYear: [Int: Int]) {
            self.id = id
            self.works = works
            self.worksByYear = worksByYear
        }
    }

    /// Fewer works than this in a window is "low evidence" (METHOD §5).
    public static let lowEvidenceWorks = 100

    /// Renders the per-technology table over `windows` (the latest one gets its own column).
    public static func render(
        _ rows: [Row], windows: [PublicationWindow], synthetic: Bool, footer: String = ""
    ) -> String {
        var out: [String] = []
        if synthetic { out.append(Banner.synthetic) }
        let latest = windows.last
        var table = TextTable(
            headers: [
                "technology", "works", "works \(latest?.description ?? "-")", "windows < \(lowEvidenceWorks) works",
                "flag",
            ],
            alignments: [.left, .right, .right, .right, .left])
        var flagged = 0
        for row in rows {
            let perWindow = windows.map { window in
                row.worksByYear.reduce(0) { $0 + (window.contains($1.key) ? $1.value : 0) }
            }
            let thin = perWindow.filter { $0 < lowEvidenceWorks }.count
            let latestCount = perWindow.last ?? 0
            let flag = row.works == 0 ? "EMPTY" : (latestCount < lowEvidenceWorks ? "low evidence" : "")
            if !flag.isEmpty { flagged += 1 }
            table.append([
                row.id, NumberFormatting.grouped(row.works), NumberFormatting.grouped(latestCount),
                "\(thin) of \(windows.count)", flag,
            ])
        }
        out.append(table.render())
        out.append(
            "\(flagged) of \(rows.count) technologies have fewer than \(lowEvidenceWorks) works "
                + "in \(latest?.description ?? "the latest window") "
                + "(low evidence, METHOD §5) or none at all.")
        if !footer.isEmpty { out.append(footer) }
        if synthetic { out.append(Banner.synthetic) }
        return out.joined(separator: "\n")
    }
}
