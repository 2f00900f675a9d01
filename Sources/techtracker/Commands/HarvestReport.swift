import Foundation
import Synchronization
import TechTrackerHarvest
import TechTrackerPresent

/// What `harvest` prints: the plan of `--dry-run`, and the summary table at the end.
enum HarvestReport {
    /// The requests, one block per request: technology, part, scope and the URL of the first
    /// page (the key shown as `***`).
    static func plan(_ plan: HarvestPlan, mailto: String?, hasAPIKey: Bool) -> String {
        var lines = ["\(plan.requests.count) requests for \(Set(plan.requests.map(\.technology)).count) technologies:"]
        for request in plan.requests {
            lines.append("")
            lines.append("\(request.technology) part \(request.part) of \(request.parts) (\(request.scope.rawValue)):")
            lines.append("  search: \(request.search.text)")
            let url = plan.displayURL(for: request, cursor: "*", mailto: mailto, hasAPIKey: hasAPIKey)
            lines.append("  url (\(url.utf8.count) bytes): \(url)")
        }
        return lines.joined(separator: "\n")
    }

    /// The summary: per technology the requests, pages, works retrieved, works its exact query
    /// matches and the precision; then the folder's totals and this run's requests, retries,
    /// time and cost.
    static func render(_ summary: HarvestSummary, outcome: HarvestOutcome, folder: String) -> String {
        var table = TextTable(headers: ["technology", "requests", "pages", "retrieved", "matched", "precision"])
        for row in summary.rows {
            table.append([
                row.technology, NumberFormatting.grouped(row.requests), NumberFormatting.grouped(row.pages),
                NumberFormatting.grouped(row.retrieved), NumberFormatting.grouped(row.matched),
                row.precision.map { NumberFormatting.percent($0) } ?? "-",
            ])
        }
        let matchedShare = summary.works > 0 ? Double(summary.matchedAny) / Double(summary.works) : 0
        var lines = [
            "Harvested \(summary.rows.count) technolog\(summary.rows.count == 1 ? "y" : "ies") into \(folder) "
                + "(precision: the share of the retrieved works that the technology's exact query matches):",
            table.render(),
            "In all: \(NumberFormatting.grouped(summary.works)) distinct works in \(NumberFormatting.grouped(summary.pages)) "
                + "pages, \(NumberFormatting.grouped(summary.matchedAny)) of them "
                + "(\(NumberFormatting.percent(matchedShare))) matched by at least one of these technologies.",
        ]
        if summary.rejected > 0 {
            lines.append(
                "\(NumberFormatting.grouped(summary.rejected)) lines are not readable as works; ingest will report them."
            )
        }
        let cost = outcome.costUSD.map { String(format: ", cost reported by OpenAlex $%.4f", $0) } ?? ""
        lines.append(
            "This run\(outcome.resumed ? " (continuing an earlier one)" : ""): "
                + "\(NumberFormatting.grouped(outcome.pagesWritten)) pages written, "
                + "\(NumberFormatting.grouped(outcome.requestsSent)) requests sent, "
                + "\(NumberFormatting.grouped(outcome.retries)) retries, "
                + "\(String(format: "%.1f", outcome.seconds)) s\(cost).")
        lines.append("Next: techtracker ingest \(folder)")
        return lines.joined(separator: "\n")
    }
}

/// Progress on standard error while harvesting: a bar (requests done) on a terminal, a line
/// every 10 s otherwise, a line for each retry; nothing with `--quiet`. Events arrive from the
/// harvest's task, so the display is behind a lock.
final class HarvestProgress: Sendable {
    private let display: Mutex<ProgressDisplay>
    private let quiet: Bool
    private let folder: String

    init(quiet: Bool, folder: String) {
        display = Mutex(ProgressDisplay(quiet: quiet))
        self.quiet = quiet
        self.folder = folder
    }

    /// Shows one event.
    func show(_ event: HarvestEvent) {
        guard !quiet else { return }
        switch event {
        case .started(let requests, let requestsDone, let pagesDone, let resumed):
            let continuing =
                resumed ? " (continuing: \(requestsDone) requests and \(pagesDone) pages already done)" : ""
            Console.error("harvest: \(requests) requests into \(folder)\(continuing)")
        case .page(let progress):
            let count = progress.count.map { " of \(NumberFormatting.grouped($0))" } ?? ""
            let figures =
                "\(progress.technology) part \(progress.part)/\(progress.parts): "
                + "\(NumberFormatting.grouped(progress.works))\(count) works, "
                + "\(progress.requestsDone)/\(progress.requests) requests done"
            display.withLock {
                $0.update(fraction: Double(progress.requestsDone) / Double(max(progress.requests, 1)), figures: figures)
            }
        case .retrying(let technology, let part, let page, let notice):
            let wait = String(format: "%.1f s", notice.wait) + (notice.isServerWait ? " (Retry-After)" : "")
            display.withLock { $0.finish() }
            Console.error(
                "retry: \(notice.reason) on \(technology) part \(part) page \(page) "
                    + "(retry \(notice.retry) of \(notice.maximumRetries)), waiting \(wait)")
        }
    }

    /// Clears the bar.
    func finish() {
        display.withLock { $0.finish() }
    }
}
