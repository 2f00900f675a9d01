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
        var problems: [WoSReadProblem] = []
        let lines = WoSText.lines(text)
        guard let headerIndex = lines.firstIndex(where: { !WoSText.isBlank($0) }) else {
            return WoSReadResult(
                records: [], problems: [WoSReadProblem(line: 1, kind: .emptyFile, detail: "the file is empty")])
        }
        let headerLine = headerIndex + 1
        var columns = lines[headerIndex].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        // The trailing tab WoS may write after the last column.
        if columns.count > 1, columns.last?.isEmpty == true { columns.removeLast() }
        if let bad = columns.first(where: { !WoSText.isTag($0) }) {
            let detail =
                columns.count == 1
                ? "the header has no tabs, so this is not a tab-delimited export (\(guess(lines[headerIndex]))): "
                    + "\"\(WoSText.excerpt(lines[headerIndex]))\""
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
        for index in lines.indices where index > headerIndex {
            let line = lines[index]
            if WoSText.isBlank(line) { continue }
            let number = index + 1
            var values = line.split(separator: "\t", omittingEmptySubsequences: false)
            // Empty fields past the header's end are trailing tabs, not data.
            while values.count > columns.count, values.last?.isEmpty == true { values.removeLast() }
            guard values.count <= columns.count else {
                problems.append(
                    WoSReadProblem(
                        line: number, kind: .tooManyFields,
                        detail: "\(values.count) fields for \(columns.count) columns; the row is skipped"))
                continue
            }
            var fields: [WoSField] = []
            for (tag, value) in zip(columns, values) where !value.isEmpty {
                fields.append(WoSField(tag: tag, values: [String(value)]))
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

    /// Reads an export's bytes, decoded as UTF-8 (an invalid sequence becomes U+FFFD, so a
    /// damaged byte costs one character, not the file).
    public static func read(bytes: some Collection<UInt8>) -> WoSReadResult {
        read(String(decoding: bytes, as: UTF8.self))
    }
}
