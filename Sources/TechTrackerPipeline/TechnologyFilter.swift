public import TechTrackerClassify
public import TechTrackerCore
import TechTrackerIngest

/// The decision `ingest --only-matching` and `scan` share: a work is kept when it matches at
/// least one technology of the matcher, searched in the text `classify` searches (title,
/// abstract, keywords and topics). `ingest` asks it about each work its readers parse; `scan`
/// hands it whole JSON Lines lines, which it parses with the same OpenAlex parser first.
///
/// It holds the matcher's scratch space and a parser, so keep one per thread and reuse it.
public struct TechnologyFilter: Sendable {
    /// What one line of JSON Lines is.
    public enum LineVerdict: Sendable, Equatable {
        /// Only spaces, tabs and line ends: not a record, not counted.
        case blank
        /// A work that matches at least one technology.
        case matching
        /// A work that matches none.
        case notMatching
        /// Not a valid work, with where (byte offset in the line), why, and the work id when
        /// it was read before the problem: the same reasons `ingest` gives.
        case rejected(offset: Int?, reason: String, recordID: String?)
    }

    /// The technologies a work must match one of.
    public let matcher: CompiledMatcher
    private var scratch: MatchScratch
    private var parser = OpenAlexRecordParser()

    /// A filter on `matcher`'s technologies.
    public init(matcher: CompiledMatcher) {
        self.matcher = matcher
        scratch = matcher.makeScratch()
    }

    /// Whether `work` matches at least one technology.
    public mutating func matches(_ work: Work) -> Bool {
        !matcher.matchingQueries(in: ClassifiableText(work: work), scratch: &scratch).isEmpty
    }

    /// Parses one line (without its line end) as one OpenAlex work and judges it. A line that
    /// holds an API page or a list of works is read by `ingest` as several works, so it is not
    /// one work: rejected unless it holds exactly one (and then judged as that one).
    public mutating func judge(line: UnsafeRawBufferPointer) -> LineVerdict {
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return .blank }
        var works = 0
        var first: Work?
        var rejection: (offset: Int, reason: String, recordID: String?)?
        parser.parse(
            line,
            onWork: { work in
                works += 1
                if first == nil { first = work }
            },
            onReject: { problem in
                if rejection == nil { rejection = (problem.offset, problem.reason, problem.recordID) }
            })
        if let rejection {
            return .rejected(offset: rejection.offset, reason: rejection.reason, recordID: rejection.recordID)
        }
        guard let work = first, works == 1 else {
            let reason =
                works == 0
                ? "no work in this line (an empty list or API page)"
                : "\(works) works in one line (an API page or a list); scan reads one work per line"
            return .rejected(offset: nil, reason: reason, recordID: nil)
        }
        return matches(work) ? .matching : .notMatching
    }
}
