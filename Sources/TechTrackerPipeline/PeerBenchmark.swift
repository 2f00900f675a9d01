import Foundation
import Synchronization
public import TechTrackerCore
public import TechTrackerMeasure

/// TechTracker's core figure set against DuckDB (`techtracker bench peer`): for every
/// technology × rolling 5-year window × country, the Share of top-10% works under fractional
/// counting with thresholds per technology and publication year and Leiden's tie rule (METHOD
/// §3-§5), no bootstrap and no other indicator. This file holds the pure parts: the figure
/// computed from the analysis columns, and the tables `scripts/duckdb_peer.py` reads (and the
/// figure it is checked against) written as CSV; `PeerScript` runs the script.
public enum PeerBenchmark {
    /// One row of the core figure.
    public struct ShareRow: Sendable, Equatable {
        /// The technology id.
        public var technology: String
        /// The window.
        public var window: PublicationWindow
        /// The country.
        public var country: CountryCode
        /// Its Share (METHOD §5).
        public var share: Double
    }

    /// What `writeTables` wrote.
    public struct TableCounts: Sendable, Equatable {
        /// Rows of works.csv (every work of the corpus).
        public var works = 0
        /// Works that pass the filter (METHOD §2).
        public var keptWorks = 0
        /// Rows of credits.csv.
        public var credits = 0
        /// Rows of memberships.csv.
        public var memberships = 0
        /// Bytes of the three files.
        public var bytes = 0
    }

    /// The windows of the core figure, as `analyze` cuts them with its defaults (METHOD §2):
    /// every whole window across the publication years of the kept works, widened to one
    /// whole window around the data when it spans fewer years.
    public static func windows(_ corpus: AnalysisCorpus, kept: [Bool]) -> [PublicationWindow] {
        let settings = AnalysisSettings()
        guard let span = AnalyzeRun.span(years: corpus.year, kept: kept, settings: settings) else { return [] }
        return PublicationWindow.rolling(over: span, length: settings.windowLength)
    }

    /// The core figure for every technology of the corpus and every window of `windows`, on
    /// `threads` threads (technologies handed out one at a time, as `AnalyzeRun` does): rows
    /// sorted by technology id, window and country code. A country is listed in (t, W) when it
    /// has a positive credit on a kept work of t published in W, with Share 0 when none of its
    /// works is in the top 10%; a (t, W) without works lists none (`FractionalShares`).
    public static func shares(_ figures: FractionalShares, corpus: AnalysisCorpus, threads: Int) -> [ShareRow] {
        let windows = windows(corpus, kept: figures.kept)
        let technologies = corpus.technologyIDs.count
        let slots = Mutex([[ShareRow]](repeating: [], count: technologies))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: max(1, threads)) { _ in
            while true {
                let technology = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard technology < technologies else { return }
                let id = corpus.technologyIDs[technology]
                var rows: [ShareRow] = []
                for window in windows {
                    for figure in figures.shares(technology: technology, window: window) {
                        rows.append(
                            ShareRow(technology: id, window: window, country: figure.country, share: figure.share))
                    }
                }
                slots.withLock { $0[technology] = rows }
            }
        }
        // Within a technology the rows are already by window, then country code.
        let perTechnology = slots.withLock { $0 }
        return corpus.technologyIDs.indices.sorted { corpus.technologyIDs[$0] < corpus.technologyIDs[$1] }
            .flatMap { perTechnology[$0] }
    }

    /// Writes the peer's input tables into `folder` as CSV with a header line (DuckDB reads
    /// them with explicit column types; the formats are described in `scripts/duckdb_peer.py`):
    /// - `works.csv`: work, year (empty when unknown), citations, kept (`true`/`false`: the
    ///   work passes the type and retraction filter, METHOD §2), for every work;
    /// - `credits.csv`: work, country (empty for the unknown part), credit: the fractional
    ///   credits the figure uses (METHOD §3), merged per country and summing to 1 per work,
    ///   each Double with 17 significant digits so that DuckDB reads back the same value;
    /// - `memberships.csv`: technology id, work.
    /// Works are numbered as in the corpus (its canonical order).
    public static func writeTables(
        _ corpus: AnalysisCorpus, figures: FractionalShares, to folder: String
    ) throws -> TableCounts {
        var counts = TableCounts()
        var works = try CSVFile(path: folder + "/works.csv", header: "work,year,citations,kept")
        for w in 0..<corpus.workCount {
            let kept = figures.kept[w]
            if kept { counts.keptWorks += 1 }
            try works.append("\(w),\(corpus.year[w].map(String.init) ?? ""),\(corpus.citations[w]),\(kept)\n")
        }
        counts.works = corpus.workCount
        counts.bytes += try works.close()

        var credits = try CSVFile(path: folder + "/credits.csv", header: "work,country,credit")
        // Works share few distinct credits (1, 1/2, 1/3, …): each is formatted once.
        var formatted: [UInt64: String] = [:]
        try figures.forEachCredit { w, country, credit in
            let code = country >= 0 ? corpus.countries[country].description : ""
            let text =
                formatted[credit.bitPattern]
                ?? {
                    let text = String(format: "%.17g", credit)
                    formatted[credit.bitPattern] = text
                    return text
                }()
            try credits.append("\(w),\(code),\(text)\n")
            counts.credits += 1
        }
        counts.bytes += try credits.close()

        var memberships = try CSVFile(path: folder + "/memberships.csv", header: "technology,work")
        for (technology, list) in zip(corpus.technologyIDs, corpus.memberships) {
            for w in list { try memberships.append("\(technology),\(w)\n") }
            counts.memberships += list.count
        }
        counts.bytes += try memberships.close()
        return counts
    }

    /// Writes the core figure as CSV (technology, window_start, window_end, country, share),
    /// in the rows' order, numbers in Swift's shortest form that reads back to the same Double
    /// (as `export` prints them).
    public static func writeShares(_ rows: [ShareRow], to path: String) throws {
        var file = try CSVFile(path: path, header: "technology,window_start,window_end,country,share")
        for row in rows {
            try file.append("\(row.technology),\(row.window.start),\(row.window.end),\(row.country),\(row.share)\n")
        }
        _ = try file.close()
    }
}

/// A CSV file written through a buffer of about 1 MB (one `write` per MB, not per row).
struct CSVFile {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var written = 0

    /// Creates (or truncates) the file and writes the header line.
    init(path: String, header: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw PeerBenchmarkError.cannotWrite(path)
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.path = path
        buffer.reserveCapacity(1 << 20 + 256)
        try append(header + "\n")
    }

    /// Adds text (one or more whole lines).
    mutating func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered.
    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the rest and closes the file; returns its size in bytes.
    mutating func close() throws -> Int {
        try flush()
        try handle.close()
        return written
    }
}

/// Why the peer benchmark could not run.
public enum PeerBenchmarkError: Error, CustomStringConvertible, Equatable {
    /// A table could not be created.
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write \(path)"
        }
    }
}
