/// Reads the Web of Science tab-delimited export into tagged records.
///
/// The layout: UTF-8 with a byte order mark, CRLF line ends; the first row names the columns by
/// tag (`PT AU BA … UT …`), then one record per row, fields separated by tabs with no quoting
/// (WoS removes tabs and line breaks from the values); a row, the header included, may end with
/// a tab.
///
/// Each non-empty field becomes one value, kept exactly as written: lists that WoS joins with
/// `"; "` (authors in `AU`, addresses in `C1`, references in `CR`) are not split here, because
/// the separator also occurs inside single values (a `C1` address names its authors as
/// `[Doe, J; Roe, R] Univ …`), so splitting belongs to whoever interprets the tag. Empty fields
/// are left out, so an absent value reads the same as in a plain-text record. A row shorter than
/// the header is read with its missing fields empty.
public enum WoSTabDelimitedReader {
    /// Reads an export's text.
    public static func read(_ text: String) -> WoSReadResult {
        read(bytes: Array(text.utf8))
    }

    /// Reads an export's bytes. Lines and fields are found on the bytes (a line feed and a tab
    /// never occur inside a multi-byte UTF-8 sequence) and only the non-empty fields are decoded,
    /// as UTF-8 with an invalid sequence becoming U+FFFD, so a damaged byte costs one character,
    /// not the file.
    public static func read(bytes: some Collection<UInt8>) -> WoSReadResult {
        let array = bytes as? [UInt8] ?? Array(bytes)
        return array.withUnsafeBufferPointer { read(buffer: $0) }
    }

    private static func read(buffer: UnsafeBufferPointer<UInt8>) -> WoSReadResult {
        var problems: [WoSReadProblem] = []
        var lines = WoSByteLines(buffer)
        var headerLine = 0
        var header: UnsafeBufferPointer<UInt8>?
        while let (line, number) = lines.next() {
            if !WoSByteLines.isBlank(line) {
                header = line
                headerLine = number
                break
            }
        }
        guard let header else {
            return WoSReadResult(
                records: [], problems: [WoSReadProblem(line: 1, kind: .emptyFile, detail: "the file is empty")])
        }
        let headerText = Substring(String(decoding: header, as: UTF8.self))
        var columns = headerText.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        // The trailing tab WoS may write after the last column.
        if columns.count > 1, columns.last?.isEmpty == true { columns.removeLast() }
        if let bad = columns.first(where: { !WoSText.isTag($0) }) {
            let detail =
                columns.count == 1
                ? "the header has no tabs, so this is not a tab-delimited export (\(guess(headerText))): "
                    + "\"\(WoSText.excerpt(headerText))\""
                : "the header is not a list of field tags: \"\(WoSText.excerpt(Substring(bad)))\" is not a tag"
            problems.append(WoSReadProblem(line: headerLine, kind: .notTabDelimited, detail: detail))
            return WoSReadResult(records: [], problems: problems)
        }
        if !columns.contains("UT") {
            problems.append(
                WoSReadProblem(
                    line: headerLine, kind: .missingAccessionColumn,
                    detail: "the header has no UT column, so records have no accession number"))
        }
        var seen: Set<String> = []
        for tag in columns where !seen.insert(tag).inserted {
            problems.append(
                WoSReadProblem(
                    line: headerLine, kind: .duplicateColumn, detail: "the header names \(tag) twice; both are kept"))
        }

        var records: [WoSTaggedRecord] = []
        var spans: [Range<Int>] = []
        while let (line, number) = lines.next() {
            if WoSByteLines.isBlank(line) { continue }
            spans.removeAll(keepingCapacity: true)
            var fieldStart = 0
            for index in 0..<line.count where line[index] == UInt8(ascii: "\t") {
                spans.append(fieldStart..<index)
                fieldStart = index + 1
            }
            spans.append(fieldStart..<line.count)
            // Empty fields past the header's end are trailing tabs, not data.
            while spans.count > columns.count, spans.last?.isEmpty == true { spans.removeLast() }
            guard spans.count <= columns.count else {
                problems.append(
                    WoSReadProblem(
                        line: number, kind: .tooManyFields,
                        detail: "\(spans.count) fields for \(columns.count) columns; the row is skipped"))
                continue
            }
            var fields: [WoSField] = []
            fields.reserveCapacity(spans.count)
            for (tag, span) in zip(columns, spans) where !span.isEmpty {
                let value = String(decoding: UnsafeBufferPointer(rebasing: line[span]), as: UTF8.self)
                fields.append(WoSField(tag: tag, values: [value]))
            }
            records.append(WoSTaggedRecord(fields: fields, line: number))
        }
        return WoSReadResult(records: records, problems: problems)
    }

    /// What a header line without tabs most likely belongs to, so the message can say what to
    /// use instead.
    private static func guess(_ header: Substring) -> String {
        if header.hasPrefix("FN ") || header.hasPrefix("PT ") { return "a plain-text export?" }
        if header.contains(",") { return "a comma-separated file?" }
        return "no tab-separated tags"
    }

}

/// The lines of an export's bytes, without their line ends (LF or CRLF), a leading byte order
/// mark skipped, numbered from 1; a final line without a line end counts, an empty one after the
/// last line feed does not.
struct WoSByteLines {
    private let buffer: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var number = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        if buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { position = 3 }
    }

    /// The next line and its number, or `nil` at the end.
    mutating func next() -> (UnsafeBufferPointer<UInt8>, Int)? {
        guard position < buffer.count else { return nil }
        let start = position
        var end = start
        while end < buffer.count && buffer[end] != UInt8(ascii: "\n") { end += 1 }
        position = end + 1
        number += 1
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return (UnsafeBufferPointer(rebasing: buffer[start..<end]), number)
    }

    /// Whether a line is blank (empty or only spaces and tabs).
    static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
