/// Reads the Web of Science plain-text ("Full Record") export into tagged records.
///
/// The layout: an optional UTF-8 byte order mark; a header of `FN …` (such as
/// `FN Clarivate Analytics Web of Science`) and `VR 1.0`, absent from some single-record
/// downloads; then records of `TG value` lines (a two-character tag, a space, the value), where
/// a line starting with three spaces continues the field above as one more value (one author per
/// line in `AU`, one address in `C1`, one cited reference in `CR`); `ER` closes a record and
/// `EF` ends the file. Lines end in CRLF or LF; blank lines are ignored.
///
/// Reading never stops at a damaged line: it is reported as a problem and skipped, and the rest
/// of the file is read. A record the file ends inside (no `ER`) is returned with
/// `isComplete == false` and also reported, so a caller can keep or drop it.
public enum WoSPlainTextReader {
    /// Reads an export's text.
    public static func read(_ text: String) -> WoSReadResult {
        var state = State()
        var lineNumber = 0
        for line in WoSText.lines(text) {
            lineNumber += 1
            if state.atEndOfFile {
                // Only the first stray line is worth a message; the rest would repeat it.
                if !WoSText.isBlank(line) {
                    state.report(lineNumber, .textAfterEndOfFile, "text after EF: \"\(WoSText.excerpt(line))\"")
                    break
                }
                continue
            }
            state.take(line, at: lineNumber)
        }
        state.finish()
        return WoSReadResult(records: state.records, problems: state.problems)
    }

    /// Reads an export's bytes, decoded as UTF-8 (an invalid sequence becomes U+FFFD, so a
    /// damaged byte costs one character, not the file).
    public static func read(bytes: some Collection<UInt8>) -> WoSReadResult {
        read(String(decoding: bytes, as: UTF8.self))
    }

    /// The reader's progress through the lines.
    private struct State {
        var records: [WoSTaggedRecord] = []
        var problems: [WoSReadProblem] = []
        /// The fields of the open record, or `nil` between records.
        var fields: [WoSField]?
        var recordLine = 0
        /// The line above was unrecognised: continuation lines under it belong to it and are
        /// skipped with it rather than being added to the field before it.
        var skippingContinuations = false
        var atEndOfFile = false
        /// The last line taken, where a truncated file is reported.
        var lastLine = 0

        mutating func report(_ line: Int, _ kind: WoSReadProblem.Kind, _ detail: String) {
            problems.append(WoSReadProblem(line: line, kind: kind, detail: detail))
        }

        mutating func take(_ line: Substring, at number: Int) {
            lastLine = number
            if WoSText.isBlank(line) { return }
            if line.hasPrefix("   ") {
                continuation(String(line.dropFirst(3)), line: line, at: number)
                return
            }
            skippingContinuations = false
            let tag = line.prefix(2)
            let rest = line.dropFirst(2)
            guard WoSText.isTag(tag), rest.isEmpty || rest.hasPrefix(" ") else {
                report(number, .unrecognisedLine, "neither a tag line nor a continuation: \"\(WoSText.excerpt(line))\"")
                skippingContinuations = true
                return
            }
            let value = String(rest.dropFirst())
            let isBare = WoSText.isBlank(rest)
            if isBare && tag == "ER" {
                closeRecord(at: number)
            } else if isBare && tag == "EF" {
                if fields != nil { unterminated(at: number, reason: "EF") }
                atEndOfFile = true
            } else if fields == nil && (tag == "FN" || tag == "VR") {
                // The file header (also where concatenated exports repeat it): not a record.
                return
            } else if fields == nil {
                fields = [WoSField(tag: String(tag), values: [value])]
                recordLine = number
            } else {
                fields?.append(WoSField(tag: String(tag), values: [value]))
            }
        }

        mutating func continuation(_ value: String, line: Substring, at number: Int) {
            if skippingContinuations { return }
            guard let last = fields?.indices.last else {
                report(number, .continuationBeforeTag, "continuation before any tag: \"\(WoSText.excerpt(line))\"")
                // One message for the run of continuations, not one per line.
                skippingContinuations = true
                return
            }
            // Mutated in place: a copy of the record's fields per line would make a long CR field
            // quadratic.
            fields?[last].values.append(value)
        }

        mutating func closeRecord(at number: Int) {
            guard let open = fields else {
                report(number, .strayRecordEnd, "ER outside a record")
                return
            }
            records.append(WoSTaggedRecord(fields: open, line: recordLine))
            fields = nil
        }

        mutating func unterminated(at number: Int, reason: String) {
            guard let open = fields else { return }
            records.append(WoSTaggedRecord(fields: open, line: recordLine, isComplete: false))
            report(
                number, .unterminatedRecord,
                "the record starting at line \(recordLine) is not closed by ER before \(reason); kept as incomplete")
            fields = nil
        }

        mutating func finish() {
            unterminated(at: lastLine, reason: "the end of the file")
        }
    }
}
