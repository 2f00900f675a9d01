import Foundation
import TechTrackerIngest

/// Where a harvest stands, kept in `OUT/harvest-checkpoint.json`: the plan's fingerprint and
/// settings, and for every request its next cursor and how many pages are done.
///
/// It is rewritten after every page, atomically and flushed to disk, and only once the page's
/// file is on disk (``PageFiles``): so after a crash it never counts a page that is not there,
/// and a page that is there but not counted is fetched again under the same file name. A rerun
/// with the same arguments continues from it; other arguments are refused.
public struct HarvestCheckpoint: Codable, Hashable, Sendable {
    /// The file's name in the output folder (`techtracker ingest` skips it by this name).
    public static let fileName = InputDiscovery.harvestCheckpointName

    /// One request's progress.
    public struct RequestProgress: Codable, Hashable, Sendable {
        /// The technology's id.
        public var technology: String
        /// The part of the technology's search, from 1.
        public var part: Int
        /// The request's query (``HarvestPlan/Request/query``), for the reader.
        public var query: String
        /// The cursor of the next page (`*` before the first), `nil` once done.
        public var nextCursor: String?
        /// Pages written (each one file).
        public var pages: Int
        /// Works written.
        public var works: Int
        /// How many works OpenAlex said the search finds, once the first page came.
        public var count: Int?
        /// Whether every page is done.
        public var done: Bool

        private enum CodingKeys: String, CodingKey {
            case technology, part, query, nextCursor = "next_cursor", pages, works, count, done
        }
    }

    /// What the harvest was asked for, to name what differs when a rerun asks for something else.
    public struct Settings: Codable, Hashable, Sendable {
        /// The API's address.
        public var baseURL: String
        /// The technologies, in order.
        public var technologies: [String]
        /// Years, types and page size.
        public var filters: HarvestFilters
        /// How OpenAlex is searched.
        public var options: SearchOptions

        private enum CodingKeys: String, CodingKey {
            case baseURL = "base_url", technologies, filters, options = "search"
        }
    }

    /// What kind of file this is.
    public var format = "techtracker harvest checkpoint"
    /// The layout's version.
    public var version = 1
    /// The plan's fingerprint (``HarvestPlan/fingerprint``).
    public var fingerprint: String
    /// What the harvest was asked for.
    public var settings: Settings
    /// Every request's progress, in the plan's order.
    public var requests: [RequestProgress]

    /// A fresh checkpoint for `plan`: every request at its first page.
    public init(plan: HarvestPlan) {
        fingerprint = plan.fingerprint
        var technologies: [String] = []
        for request in plan.requests where technologies.last != request.technology {
            technologies.append(request.technology)
        }
        settings = Settings(
            baseURL: plan.baseURL, technologies: technologies, filters: plan.filters, options: plan.options)
        requests = plan.requests.map {
            RequestProgress(
                technology: $0.technology, part: $0.part, query: $0.query, nextCursor: "*", pages: 0, works: 0,
                count: nil, done: false)
        }
    }

    /// Pages written in all.
    public var pages: Int { requests.reduce(0) { $0 + $1.pages } }
    /// Requests done.
    public var requestsDone: Int { requests.count { $0.done } }
    /// Whether every request is done.
    public var isComplete: Bool { requests.allSatisfy(\.done) }

    /// The checkpoint in `folder`, or `nil` when there is none.
    static func load(folder: String) throws(HarvestError) -> HarvestCheckpoint? {
        let path = folder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HarvestError.failure("cannot read \(path)")
        }
        do {
            let checkpoint = try JSONDecoder().decode(HarvestCheckpoint.self, from: data)
            guard checkpoint.version == 1 else {
                throw HarvestError(
                    "\(path) was written by another version of TechTracker (layout \(checkpoint.version))")
            }
            return checkpoint
        } catch let error as HarvestError {
            throw error
        } catch {
            throw HarvestError("\(path) is not a harvest checkpoint TechTracker can read: \(error)")
        }
    }

    /// Writes the checkpoint into `folder`, atomically and flushed to disk.
    func save(folder: String) throws(HarvestError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw HarvestError.failure("cannot encode the checkpoint: \(error)")
        }
        try DurableFiles.write([UInt8](data) + [0x0A], to: folder + "/" + Self.fileName)
    }

    /// Why a checkpoint from another harvest cannot be continued with `plan`: the settings that
    /// differ, in words.
    func differences(from other: Settings) -> [String] {
        var differences: [String] = []
        let mine = settings
        if mine.baseURL != other.baseURL { differences.append("base URL \(mine.baseURL), not \(other.baseURL)") }
        if mine.technologies != other.technologies {
            differences.append("technologies \(Self.list(mine.technologies)), not \(Self.list(other.technologies))")
        }
        if mine.filters.fromYear != other.filters.fromYear || mine.filters.toYear != other.filters.toYear {
            differences.append(
                "years \(Self.years(mine.filters)), not \(Self.years(other.filters))")
        }
        if mine.filters.types != other.filters.types {
            differences.append("types \(Self.list(mine.filters.types)), not \(Self.list(other.filters.types))")
        }
        if mine.filters.perPage != other.filters.perPage {
            differences.append("--per-page \(mine.filters.perPage), not \(other.filters.perPage)")
        }
        if mine.options.fullText != other.options.fullText {
            differences.append(mine.options.fullText ? "--full-text given" : "--full-text not given")
        }
        if mine.options.stemmed != other.options.stemmed {
            differences.append(mine.options.stemmed ? "--stemmed given" : "--stemmed not given")
        }
        return differences
    }

    private static func list(_ names: [String]) -> String {
        guard !names.isEmpty else { return "(all)" }
        return names.count > 4
            ? names.prefix(4).joined(separator: ",") + ",… (\(names.count))" : names.joined(separator: ",")
    }

    private static func years(_ filters: HarvestFilters) -> String {
        "\(filters.fromYear.map(String.init) ?? "any")-\(filters.toYear.map(String.init) ?? "any")"
    }
}
