import TechTrackerCore

/// Reads one JSON text (a work, an API page or an array of works) into `ParseOutcome`s.
///
/// Problems with the *shape* of a work's fields, e.g. a title that is a number or a year out
/// of range, are noted in `problem` and reading goes on, so that the rest of the text is still
/// validated and the other works of a page survive; the work with the problem is rejected when
/// it ends. Syntax and encoding errors are thrown; inside a list of works (a page's `results`,
/// a top-level array) an error that leaves the structure intact costs only its item, and any
/// other error keeps the complete items before it (`listProgress`).
struct OpenAlexTextReader {
    /// A field of the current work whose value has the wrong JSON type or is out of range.
    struct FieldProblem {
        /// Offset of the bad value.
        var offset: Int
        /// What is wrong with it.
        var reason: String
    }

    /// How far a list of works (a top-level array or a page's `results`) has been read, so
    /// that its complete items can be kept when the text breaks off later.
    struct ListProgress {
        /// Items read to their end (works or item rejections in `scratch.outcomes`).
        var completeItems = 0
        /// Whether the list's closing `]` was reached.
        var isClosed = false
    }

    /// The cursor over the text.
    var scanner: JSONScanner
    /// Reusable buffers, lent by `OpenAlexRecordParser`.
    var scratch = OpenAlexParseScratch()
    /// The id of the work being read, once read; reported with errors found inside it.
    var currentWorkID: String?
    /// The first field problem of the work being read.
    var problem: FieldProblem?
    /// Set while the text is known to be a list of works; `nil` while it may be a single work
    /// (whose damage condemns it whole).
    var listProgress: ListProgress?
    /// The first error of a list item that was stepped over, for a top-level object that
    /// turns out to be a work with a `results` field rather than a page.
    var firstItemError: JSONError?

    /// Prepares to read `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        scanner = JSONScanner(bytes)
    }

    /// Reads the whole text, appending an outcome per item to `scratch.outcomes`.
    mutating func readText() throws(JSONError) {
        scanner.skipByteOrderMark()
        scanner.skipWhitespace()
        guard !scanner.isAtEnd else { return }
        let start = scanner.position
        switch scanner.input[start] {
        case UInt8(ascii: "{"):
            try readTopLevelObject(at: start)
        case UInt8(ascii: "["):
            listProgress = ListProgress()
            try readWorkArray()
        default:
            try scanner.skipValue()
            reject(at: start, "not an OpenAlex work or API page")
        }
        try scanner.expectEndOfInput()
    }

    /// A top-level object is an API page when it has a `results` array and no `id` that is an
    /// OpenAlex work id; otherwise it is a single work (a work may well have a field named
    /// `results`, and must not be mistaken for an empty page and dropped).
    private mutating func readTopLevelObject(at start: Int) throws(JSONError) {
        var draft = try readWork(topLevel: true)
        if let resultsStart = draft.resultsOutcomesStart {
            guard case .valid = draft.id else { return }  // a page: its results are the outcomes
            // A work whose `results` came before its id: what was read as page results is
            // just one of its fields. An item error in there is an error in the work.
            scratch.outcomes.removeSubrange(resultsStart...)
            if let error = draft.resultsError, problem == nil {
                problem = FieldProblem(offset: error.offset, reason: error.reason)
            }
            draft.resultsOutcomesStart = nil
        }
        if case .missing = draft.id {
            reject(at: start, "record has no id (neither an OpenAlex work nor an API page)")
        } else {
            judge(draft, at: start)
        }
    }

    /// Reads an array of works (a top-level array, or a page's `results`), judging each item.
    /// An item whose error leaves the structure intact is rejected with its position and
    /// stepped over; any other error is thrown, the complete items before it kept.
    mutating func readWorkArray() throws(JSONError) {
        guard try scanner.beginArray() else {
            listProgress?.isClosed = true
            return
        }
        var itemNumber = 0
        repeat {
            itemNumber += 1
            let opening = try scanner.peekValueStart()
            let itemStart = scanner.position
            do throws(JSONError) {
                if opening == UInt8(ascii: "{") {
                    let draft = try readWork(topLevel: false)
                    judge(draft, at: itemStart)
                } else {
                    try scanner.skipValue()
                    reject(at: itemStart, "result is not an object")
                }
            } catch {
                guard error.problem.leavesStructureIntact,
                    let itemEnd = scanner.endOfValueIgnoringContents(from: itemStart)
                else { throw error }
                reject(at: error.offset, "\(error.reason) in result \(itemNumber)", recordID: currentWorkID)
                if firstItemError == nil { firstItemError = error }
                currentWorkID = nil
                scanner.position = itemEnd
            }
            listProgress?.completeItems = itemNumber
        } while try scanner.nextElement()
        listProgress?.isClosed = true
    }

    /// Turns a finished draft into a work or a rejection.
    private mutating func judge(_ draft: WorkDraft, at start: Int) {
        switch draft.id {
        case .missing, .empty:
            reject(at: start, "record has no id")
        case .invalid(let text):
            reject(at: start, "id is not an OpenAlex work id", recordID: text)
        case .valid(let id):
            if let problem {
                reject(at: problem.offset, problem.reason, recordID: id)
            } else {
                scratch.outcomes.append(.work(finish(draft, id: id)))
            }
        }
        currentWorkID = nil
    }

    /// Notes a rejected item.
    private mutating func reject(at offset: Int, _ reason: String, recordID: String? = nil) {
        scratch.outcomes.append(.rejection(RecordRejection(offset: offset, reason: reason, recordID: recordID)))
    }

    // MARK: Field helpers

    /// Remembers the first field problem of the current work.
    mutating func noteProblem(_ reason: @autoclosure () -> String, at offset: Int) {
        if problem == nil { problem = FieldProblem(offset: offset, reason: reason()) }
    }

    /// Whether the next value opens `opening` (`{` or `[`), left in place for the caller.
    /// `null` is consumed and gives `false`; any other value is noted as a problem with
    /// `field`, skipped, and gives `false`.
    mutating func nextValueOpens(_ opening: UInt8, field: StaticString) throws(JSONError) -> Bool {
        let byte = try scanner.peekValueStart()
        if byte == opening { return true }
        if byte == UInt8(ascii: "n") {
            try scanner.scanLiteral("null")
            return false
        }
        let kind = opening == UInt8(ascii: "{") ? "an object" : "an array"
        noteProblem("field '\(field)' is not \(kind)", at: scanner.position)
        try scanner.skipValue()
        return false
    }

    /// Reads a string or `null` (`nil`); other values are a problem with `field`, skipped.
    mutating func readStringSpan(field: StaticString) throws(JSONError) -> JSONStringSpan? {
        let byte = try scanner.peekValueStart()
        if byte == UInt8(ascii: "\"") { return try scanner.scanString() }
        if byte == UInt8(ascii: "n") {
            try scanner.scanLiteral("null")
            return nil
        }
        noteProblem("field '\(field)' is not a string", at: scanner.position)
        try scanner.skipValue()
        return nil
    }

    /// Reads a string or `null` as a `String?`.
    mutating func readString(field: StaticString) throws(JSONError) -> String? {
        guard let span = try readStringSpan(field: field) else { return nil }
        return scanner.string(from: span, scratch: &scratch.decoded)
    }

    /// Reads an integer or `null`; other values (including 1.5 and integers beyond `Int`)
    /// are a problem with `field`.
    mutating func readInt(field: StaticString) throws(JSONError) -> Int? {
        let byte = try scanner.peekValueStart()
        let start = scanner.position
        if byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
            if case .integer(let value) = try scanner.scanNumber() { return value }
            noteProblem("field '\(field)' is not an integer", at: start)
            return nil
        }
        if byte == UInt8(ascii: "n") {
            try scanner.scanLiteral("null")
            return nil
        }
        noteProblem("field '\(field)' is not an integer", at: start)
        try scanner.skipValue()
        return nil
    }

    /// Reads an integer or `null` that must lie in `range`; a value outside it is a problem
    /// with `field` that names the value (and gives `nil`).
    mutating func readInt(field: StaticString, within range: ClosedRange<Int>) throws(JSONError) -> Int? {
        _ = try scanner.peekValueStart()
        let start = scanner.position
        guard let value = try readInt(field: field) else { return nil }
        guard range.contains(value) else {
            noteProblem(
                "field '\(field)' is \(value), outside \(OpenAlexLimits.grouped(range.lowerBound))…"
                    + OpenAlexLimits.grouped(range.upperBound), at: start)
            return nil
        }
        return value
    }

    /// Notes a problem when a list has passed `limit` items; returns whether the item just
    /// counted (`count`) is still to be kept. Items past the limit are skipped, not stored, so
    /// a huge list costs no memory before its work is rejected.
    mutating func keepsItem(_ count: Int, limit: Int, field: StaticString, listStart: Int) -> Bool {
        if count <= limit { return true }
        if count == limit + 1 {
            noteProblem("field '\(field)' has more than \(OpenAlexLimits.grouped(limit)) entries", at: listStart)
        }
        return false
    }

    /// Reads `true`, `false` or `null` (`nil`); other values are a problem with `field`.
    mutating func readBool(field: StaticString) throws(JSONError) -> Bool? {
        let byte = try scanner.peekValueStart()
        if byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") { return try scanner.scanBool() }
        if byte == UInt8(ascii: "n") {
            try scanner.scanLiteral("null")
            return nil
        }
        noteProblem("field '\(field)' is not a boolean", at: scanner.position)
        try scanner.skipValue()
        return nil
    }

    /// Runs `body` on the decoded bytes of a string (in place when it has no escapes).
    mutating func withBytes<Result>(
        of span: JSONStringSpan,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if !span.hasEscapes { return body(scanner.rawBytes(of: span)) }
        scratch.decoded.removeAll(keepingCapacity: true)
        scanner.appendDecodedContents(of: span, to: &scratch.decoded)
        return scratch.decoded.withUnsafeBufferPointer(body)
    }

    /// The decoded length of a key, for dispatching on length before comparing bytes.
    func keyLength(_ key: JSONStringSpan) -> Int {
        guard key.hasEscapes else { return key.rawCount }
        var decoded: [UInt8] = []
        scanner.appendDecodedContents(of: key, to: &decoded)
        return decoded.count
    }
}
