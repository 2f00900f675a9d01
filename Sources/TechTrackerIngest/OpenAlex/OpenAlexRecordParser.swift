public import TechTrackerCore

/// Turns OpenAlex JSON (snapshot JSON Lines, API pages, single works) into `Work` values.
///
/// Built on `JSONScanner`: one pass over the bytes, needed fields read in place, every
/// other field skipped (but still validated) without allocating. The parser keeps scratch
/// buffers between calls, so keep one per thread and reuse it.
///
/// A single work that is not well-formed JSON or not valid UTF-8 yields exactly one rejection.
/// In a list of works (an API page's `results`, a top-level array) each item is judged on its
/// own: an item with invalid UTF-8, a lone surrogate or a bad number is rejected with its
/// position and the others are kept; damage to the structure itself (a truncated page, a
/// missing bracket) keeps every complete item before it and rejects the rest as one.
public struct OpenAlexRecordParser: Sendable {
    /// Buffers reused from one call to the next.
    private var scratch = OpenAlexParseScratch()

    /// Makes a parser. Reusable, one per thread.
    public init() {}

    /// Parses one JSON text: a JSON Lines line or a whole document. The text may hold a single
    /// work object, an OpenAlex API page `{"meta":…,"results":[…], …}`, or a JSON array of works.
    /// Calls onWork for each valid work and onReject for each rejected item.
    ///
    /// Works and item rejections are reported in the order they appear in the text, and only
    /// once the whole text has been read. An empty or whitespace-only text reports nothing.
    public mutating func parse(
        _ bytes: UnsafeRawBufferPointer,
        onWork: (Work) -> Void,
        onReject: (RecordRejection) -> Void
    ) {
        var reader = OpenAlexTextReader(bytes)
        // Lend the buffers to the reader by swapping, so they are never shared (no copy on write).
        swap(&scratch, &reader.scratch)
        defer {
            reader.scratch.outcomes.removeAll(keepingCapacity: true)
            swap(&scratch, &reader.scratch)
        }
        do throws(JSONError) {
            try reader.readText()
        } catch {
            guard let progress = reader.listProgress else {
                onReject(RecordRejection(offset: error.offset, reason: error.reason, recordID: reader.currentWorkID))
                return
            }
            // A list broke off: its complete items stand, the rest is one rejection.
            report(reader.scratch.outcomes, onWork: onWork, onReject: onReject)
            let reason =
                progress.isClosed
                ? "\(error.reason); the \(progress.completeItems) results before it were all read"
                : "\(error.reason) in result \(progress.completeItems + 1); the \(progress.completeItems) "
                    + "complete results before it were read, the rest of the text is lost"
            onReject(RecordRejection(offset: error.offset, reason: reason, recordID: reader.currentWorkID))
            return
        }
        report(reader.scratch.outcomes, onWork: onWork, onReject: onReject)
    }

    private func report(_ outcomes: [ParseOutcome], onWork: (Work) -> Void, onReject: (RecordRejection) -> Void) {
        for outcome in outcomes {
            switch outcome {
            case .work(let work): onWork(work)
            case .rejection(let rejection): onReject(rejection)
            }
        }
    }
}

/// What one item of a text became.
enum ParseOutcome: Sendable {
    /// A valid work.
    case work(Work)
    /// A rejected item.
    case rejection(RecordRejection)
}

/// Buffers kept by `OpenAlexRecordParser` between texts so that steady-state parsing
/// allocates only the `Work` values themselves.
struct OpenAlexParseScratch: Sendable {
    /// Decoded bytes of the string being read, when it has escapes.
    var decoded: [UInt8] = []
    /// Items of the current text, reported once the whole text is known to be valid.
    var outcomes: [ParseOutcome] = []
    /// Working space for rebuilding abstracts.
    var abstract = InvertedIndexAbstractBuilder()
}
