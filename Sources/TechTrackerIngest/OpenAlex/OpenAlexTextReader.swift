import TechTrackerCore

/// Reads one JSON text (a work, an API page or an array of works) into `ParseOutcome`s.
///
/// Syntax and encoding errors are thrown (they condemn the whole text). Problems with the
/// *shape* of a work's fields, e.g. a title that is a number, are noted in `problem` and
/// reading goes on, so that the rest of the text is still validated and the other works of
/// a page survive; the work with the problem is rejected when it ends.
struct OpenAlexTextReader {
    /// A field of the current work whose value has the wrong JSON type.
    struct FieldProblem {
        /// Offset of the bad value.
        var offset: Int
        /// What is wrong with it.
        var reason: String
    }

    /// The cursor over the text.
    var scanner: JSONScanner
    /// Reusable buffers, lent by `OpenAlexRecordParser`.
    var scratch = OpenAlexParseScratch()
    /// The id of the work being read, once read; reported with errors found inside it.
    var currentWorkID: String?
    /// The first field problem of the work being read.
    var problem: FieldProblem?

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
            try readWorkArray()
        default:
            try scanner.skipValue()
            reject(at: start, "not an OpenAlex work or API page")
        }
        try scanner.expectEndOfInput()
    }

    /// A top-level object is an API page when it has a `results` array, else a single work.
    private mutating func readTopLevelObject(at start: Int) throws(JSONError) {
        let draft = try readWork(topLevel: true)
        if draft.isPage { return }
        if case .missing = draft.id {
            reject(at: start, "record has no id (neither an OpenAlex work nor an API page)")
        } else {
            judge(draft, at: start)
        }
    }

    /// Reads an array of works (a top-level array, or a page's `results`), judging each item.
    mutating func readWorkArray() throws(JSONError) {
        guard try scanner.beginArray() else { return }
        repeat {
            let opening = try scanner.peekValueStart()
            let itemStart = scanner.position
            if opening == UInt8(ascii: "{") {
                let draft = try readWork(topLevel: false)
                judge(draft, at: itemStart)
            } else {
                try scanner.skipValue()
                reject(at: itemStart, "result is not an object")
            }
        } while try scanner.nextElement()
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
    mutating func withBytes<Result>(of span: JSONStringSpan,
                                    _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
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
