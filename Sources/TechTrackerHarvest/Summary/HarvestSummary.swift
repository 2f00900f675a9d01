import Foundation
public import TechTrackerClassify
import TechTrackerCore
import TechTrackerIngest

/// What a harvest folder holds, per technology: the works its searches retrieved and how many
/// of them its exact query matches, read back from the page files with ingest's own reader
/// and classified with the same matcher and text as `classify` (title, abstract, keywords,
/// topics). Computed from the files alone, so the same folder always gives the same figures,
/// however many runs filled it.
public struct HarvestSummary: Sendable, Hashable {
    /// One technology's figures.
    public struct Row: Sendable, Hashable {
        /// The technology's id.
        public var technology: String
        /// Its requests (parts of its search).
        public var requests: Int
        /// Pages written.
        public var pages: Int
        /// Distinct works its requests retrieved.
        public var retrieved: Int
        /// Those its exact query matches.
        public var matched: Int

        /// `matched / retrieved`: the share of the retrieved works the harvest was for; `nil`
        /// when nothing was retrieved.
        public var precision: Double? { retrieved > 0 ? Double(matched) / Double(retrieved) : nil }
    }

    /// The technologies in the plan's order.
    public var rows: [Row]
    /// Distinct works in the folder.
    public var works: Int
    /// Those matched by at least one of the harvested technologies.
    public var matchedAny: Int
    /// Lines of the page files ingest would reject (not readable as works).
    public var rejected: Int
    /// Page files read.
    public var pages: Int

    /// Reads the pages `checkpoint` records in `folder` and classifies every distinct work
    /// with `technologies` (id and query each; those of the plan, in its order).
    public static func read(
        folder: String, checkpoint: HarvestCheckpoint, technologies: [(id: String, query: Query)]
    ) throws(HarvestError) -> HarvestSummary {
        let matcher = CompiledMatcher(queries: technologies)
        let files = PageFiles(folder: folder)
        var consumer = Collector(matcher: matcher)
        var parser = OpenAlexRecordParser()
        let reader = InputFileReader(forcedFormat: .openAlex)
        var retrieved: [String: Set<String>] = [:]
        var requests: [String: Int] = [:]
        var pages: [String: Int] = [:]
        for request in checkpoint.requests {
            requests[request.technology, default: 0] += 1
            pages[request.technology, default: 0] += request.pages
            guard request.pages > 0 else { continue }
            let paths = (1...request.pages).map {
                files.path(technology: request.technology, part: request.part, page: $0)
            }
            let inputs: [InputFile]
            do {
                inputs = try InputDiscovery(paths: paths).files
            } catch {
                throw HarvestError.failure("cannot read the harvested pages: \(error)")
            }
            for input in inputs {
                consumer.ids.removeAll(keepingCapacity: true)
                reader.read(input, parser: &parser, into: &consumer)
                retrieved[request.technology, default: []].formUnion(consumer.ids)
            }
        }
        let indexOf = Dictionary(technologies.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = technologies.map { technology -> Row in
            let ids = retrieved[technology.id] ?? []
            let index = indexOf[technology.id] ?? -1
            let matched = ids.count { consumer.matches[$0]?.contains(index) == true }
            return Row(
                technology: technology.id, requests: requests[technology.id] ?? 0, pages: pages[technology.id] ?? 0,
                retrieved: ids.count, matched: matched)
        }
        return HarvestSummary(
            rows: rows, works: consumer.matches.count, matchedAny: consumer.matches.values.count { !$0.isEmpty },
            rejected: consumer.rejected, pages: checkpoint.pages)
    }

    /// Collects the ids of the works of one file, and classifies each distinct work once.
    private struct Collector: RecordFileConsumer {
        let matcher: CompiledMatcher
        var scratch: MatchScratch
        /// The technologies (indices) each distinct work matches.
        var matches: [String: [Int]] = [:]
        /// The ids of the file being read.
        var ids: [String] = []
        var rejected = 0

        init(matcher: CompiledMatcher) {
            self.matcher = matcher
            scratch = matcher.makeScratch()
        }

        mutating func accept(_ work: Work) {
            ids.append(work.id)
            guard matches[work.id] == nil else { return }
            matches[work.id] = matcher.matchingQueries(in: ClassifiableText(work: work), scratch: &scratch)
        }

        mutating func reject(_ rejection: IngestRejection) { rejected += 1 }
        mutating func warn(_ warning: IngestWarning) {}
        mutating func consumed(diskBytes: Int, textBytes: Int) {}
    }
}
