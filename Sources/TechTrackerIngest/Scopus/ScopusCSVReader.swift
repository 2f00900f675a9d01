/// Reads a Scopus CSV export into rows of field values by column.
///
/// The format is RFC 4180 CSV: an optional UTF-8 byte order mark, CRLF or LF line ends, fields
/// separated by commas, quoted with `"` when they hold commas, quotes (doubled: `""`) or line
/// breaks (a CRLF inside a quoted field is read as LF). The 2024-2026 layout quotes every field
/// but numbers and `NA`; the 2016 and 2022 layouts leave numbers and empty fields unquoted,
/// sometimes after a space (`"4", 7433444,"",,`): unquoted fields are trimmed, and a quote after
/// leading spaces opens a quoted field.
///
/// The first non-blank row is the header; columns are found by name (``ScopusHeader``). A
/// damaged file is read as far as it can be, and each damage reported by line
/// (``ScopusReadProblem``): the reader never stops at a bad row, and never traps.
public enum ScopusCSVReader {
    /// Reads an export's text.
    public static func read(_ text: String) -> ScopusReadResult {
        if let result = text.utf8.withContiguousStorageIfAvailable({ read(buffer: $0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { read(buffer: $0) }
    }

    /// Reads an export's bytes, decoded as UTF-8 (an invalid sequence becomes U+FFFD, so a
    /// damaged byte costs one character, not the file).
    public static func read(bytes: some Collection<UInt8>) -> ScopusReadResult {
        read(String(decoding: bytes, as: UTF8.self))
    }

    /// Reads valid UTF-8 bytes.
    static func read(buffer: UnsafeBufferPointer<UInt8>) -> ScopusReadResult {
        var scanner = CSVScanner(buffer)
        var problems: [ScopusReadProblem] = []

        // The header: the first row that is not blank.
        var headerRow: CSVScanner.Row?
        while let row = scanner.nextRow() {
            if !row.isBlank {
                headerRow = row
                break
            }
        }
        guard let headerRow else {
            return ScopusReadResult(
                header: [], rows: [],
                problems: [ScopusReadProblem(line: 1, kind: .emptyFile, detail: "the file is empty")])
        }
        let header = ScopusHeader(names: headerRow.fields)
        if let problem = headerProblem(headerRow, header: header, text: buffer) {
            return ScopusReadResult(header: header.names, rows: [], problems: [problem])
        }
        problems += strayQuoteProblems(headerRow, header: header)
        let present = ScopusHeader.requiredColumns.filter { header.index(of: $0) != nil }
        for column in ScopusHeader.requiredColumns where header.index(of: column) == nil {
            problems.append(
                ScopusReadProblem(
                    line: headerRow.line, kind: .missingColumn,
                    detail: "no \"\(column)\" column; the header has "
                        + header.names.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        let requiredIndices = present.compactMap { header.index(of: $0) }
        let width = header.names.count
        let fundingRealignment = FundingRealignment(header)

        var rows: [ScopusRow] = []
        var realigned: (first: Int, last: Int, count: Int, extra: Set<Int>)?
        while let row = scanner.nextRow() {
            if row.isBlank { continue }
            if let opened = row.unterminated {
                let column = opened.column < width ? " of column \"\(header.names[opened.column])\"" : ""
                problems.append(
                    ScopusReadProblem(
                        line: row.line, kind: .unterminatedQuote,
                        detail: "the quoted field\(column) opened on line \(opened.line) is not closed before the "
                            + "end of the file (a truncated export?); the row starting on line \(row.line) is skipped"))
                break
            }
            problems += strayQuoteProblems(row, header: header)
            var fields = row.fields
            // Empty fields past the header's end are trailing commas, not data.
            while fields.count > width, fields.last?.isEmpty == true { fields.removeLast() }
            if fields.count > width {
                if let aligned = fundingRealignment?.realign(fields, width: width) {
                    let extra = fields.count - width
                    if let seen = realigned {
                        realigned = (seen.first, row.line, seen.count + 1, seen.extra.union([extra]))
                    } else {
                        realigned = (row.line, row.line, 1, [extra])
                    }
                    fields = aligned
                } else {
                    problems.append(
                        ScopusReadProblem(
                            line: row.line, kind: .tooManyFields,
                            detail: "\(fields.count) fields for \(width) columns; the row is skipped"))
                    continue
                }
            } else if fields.count < width {
                let missing = requiredIndices.filter { $0 >= fields.count }
                if !missing.isEmpty {
                    problems.append(
                        ScopusReadProblem(
                            line: row.line, kind: .tooFewFields,
                            detail: "\(fields.count) fields for \(width) columns, so no "
                                + missing.map { header.names[$0] }.joined(separator: ", ")
                                + "; the missing fields are read as empty"))
                }
            }
            rows.append(ScopusRow(line: row.line, header: header, fields: fields))
        }
        if let realigned, let funding = fundingRealignment {
            let extra = realigned.extra.sorted().map(String.init).joined(separator: " or ")
            let rowsText =
                realigned.count == 1
                ? "1 row has" : "\(realigned.count) rows (lines \(realigned.first) to \(realigned.last)) have"
            problems.append(
                ScopusReadProblem(
                    line: realigned.first, kind: .unlistedFundingText,
                    detail: "\(rowsText) \(extra) field(s) more than the header's \(width) columns: read as funding "
                        + "texts the header does not list, after \"\(header.names[funding.lastFundingColumn])\" "
                        + "(their EID is then in the EID column), and joined to that column"))
        }
        let ordered = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
        return ScopusReadResult(header: header.names, rows: rows, problems: ordered.map(\.element))
    }

    /// Why the header cannot be a Scopus export's, or `nil` when it can: it has columns and names
    /// at least one of the required ones.
    private static func headerProblem(
        _ row: CSVScanner.Row, header: ScopusHeader, text: UnsafeBufferPointer<UInt8>
    ) -> ScopusReadProblem? {
        let namesRequired = ScopusHeader.requiredColumns.contains { header.index(of: $0) != nil }
        if row.unterminated == nil, header.names.count > 1, namesRequired { return nil }
        var commas = 0
        var semicolons = 0
        var tabs = 0
        for index in row.start..<min(row.end, text.count) {
            switch text[index] {
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: ";"): semicolons += 1
            case UInt8(ascii: "\t"): tabs += 1
            default: break
            }
        }
        let firstLine = String(
            decoding: UnsafeBufferPointer(rebasing: text[row.start..<row.firstLineEnd]), as: UTF8.self)
        let quoted = "\"\(ScopusText.excerpt(firstLine))\""
        let detail: String
        if semicolons > commas, semicolons >= tabs {
            detail =
                "wrong delimiter: the header is separated by semicolons, not commas (a CSV saved with ';' as the "
                + "list separator?); export from Scopus as CSV again, or save it with commas: \(quoted)"
        } else if tabs > commas {
            let guess = firstLine.hasPrefix("PT\t") ? " (Web of Science?)" : ""
            detail = "the header is separated by tabs: a tab-delimited export\(guess), not a Scopus CSV: \(quoted)"
        } else if firstLine.hasPrefix("FN ") || firstLine.hasPrefix("PT ") {
            detail = "a Web of Science plain-text export, not a Scopus CSV: \(quoted)"
        } else if header.names.count <= 1 {
            detail = "the header has a single column, so this is not a comma-separated Scopus export: \(quoted)"
        } else if row.unterminated != nil {
            detail = "the header opens a quoted field that never closes: \(quoted)"
        } else {
            detail =
                "the header names none of the Scopus columns "
                + ScopusHeader.requiredColumns.map { "\"\($0)\"" }.joined(separator: ", ") + ": \(quoted)"
        }
        return ScopusReadProblem(line: row.line, kind: .notScopusHeader, detail: detail)
    }

    /// One problem per stray quote of `row`.
    private static func strayQuoteProblems(_ row: CSVScanner.Row, header: ScopusHeader) -> [ScopusReadProblem] {
        row.strayQuotes.map { stray in
            let column = stray.column < header.names.count ? "column \"\(header.names[stray.column])\"" : "a field"
            let value = stray.column < row.fields.count ? row.fields[stray.column] : ""
            let place = stray.afterClosingQuote ? "text after the closing quote of" : "a quote inside the unquoted"
            return ScopusReadProblem(
                line: stray.line, kind: .strayQuote,
                detail: "\(place) \(column), kept as written: \"\(ScopusText.excerpt(value))\"")
        }
    }
}

/// How a row with more fields than the header is read when the header numbers its funding-text
/// columns ("Funding Text 1", …) and the row's extra fields are more funding texts: a Scopus
/// export may number them for fewer texts than some rows hold. The reading is accepted only when
/// it puts an EID (`2-s2.0-…`) in the EID column, after the funding texts.
struct FundingRealignment {
    /// The last "Funding Text N" column of the header.
    let lastFundingColumn: Int
    /// The EID column.
    let eidColumn: Int

    init?(_ header: ScopusHeader) {
        guard
            let last = header.names.lastIndex(where: {
                let key = ScopusHeader.key($0)
                return key.hasPrefix("funding text ") && key.dropFirst(13).allSatisfy(\.isNumber)
            }),
            let eid = header.index(of: "EID"), eid > last
        else { return nil }
        lastFundingColumn = last
        eidColumn = eid
    }

    /// `fields` with the extra fields after the last funding-text column joined to it; `nil`
    /// when the EID column would then hold no EID.
    func realign(_ fields: [String], width: Int) -> [String]? {
        let extra = fields.count - width
        guard extra > 0, lastFundingColumn + extra < fields.count else { return nil }
        let eidIndex = eidColumn + extra
        guard eidIndex < fields.count, ScopusText.trimmed(fields[eidIndex][...]).hasPrefix("2-s2.0-") else {
            return nil
        }
        var result = Array(fields[...lastFundingColumn])
        let texts = fields[lastFundingColumn...(lastFundingColumn + extra)].filter { !$0.isEmpty }
        result[lastFundingColumn] = texts.joined(separator: "\n")
        result += fields[(lastFundingColumn + extra + 1)...]
        return result
    }
}

/// An RFC 4180 scanner over UTF-8 bytes: rows of fields, with the line each row starts on.
struct CSVScanner {
    /// A quote found where RFC 4180 allows none.
    struct StrayQuote: Equatable {
        var line: Int
        var column: Int
        /// Text after a closing quote, rather than a quote inside an unquoted field.
        var afterClosingQuote: Bool
    }

    /// One row as scanned.
    struct Row {
        var fields: [String] = []
        /// The 1-based line where the row starts.
        var line: Int
        /// Byte offsets of the row's start and end, and of the end of its first line.
        var start: Int
        var end: Int = 0
        var firstLineEnd: Int = 0
        var strayQuotes: [StrayQuote] = []
        /// Where the quoted field still open at the end of the file was opened.
        var unterminated: (line: Int, column: Int)?
        /// Whether every field is empty: a blank line, or a line of commas as spreadsheets write
        /// after the last row.
        var isBlank: Bool { unterminated == nil && fields.allSatisfy(\.isEmpty) }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte order mark.
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasBOM ? 3 : 0
    }

    /// The next row; `nil` at the end of the text.
    mutating func nextRow() -> Row? {
        guard position < bytes.count else { return nil }
        var row = Row(line: line, start: position)
        row.firstLineEnd = bytes.count
        var column = 0
        while true {
            let ended = field(into: &row, column: column)
            column += 1
            switch ended {
            case .comma:
                continue
            case .lineEnd(let endOffset), .endOfFile(let endOffset):
                row.end = endOffset
                if row.firstLineEnd > endOffset { row.firstLineEnd = endOffset }
                return row
            case .unterminated(let openedLine):
                row.unterminated = (openedLine, column - 1)
                row.end = bytes.count
                return row
            }
        }
    }

    private enum FieldEnd {
        case comma
        case lineEnd(Int)
        case endOfFile(Int)
        case unterminated(Int)
    }

    /// Scans one field from `position`, appends its value to `row`, and consumes its delimiter.
    private mutating func field(into row: inout Row, column: Int) -> FieldEnd {
        let count = bytes.count
        var index = position
        while index < count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
        if index < count, bytes[index] == Self.quote {
            let openedLine = line
            index += 1
            var segmentStart = index
            var value: [UInt8] = []
            var hasCopy = false
            while true {
                guard index < count else {
                    position = count
                    return .unterminated(openedLine)
                }
                let byte = bytes[index]
                if byte == Self.quote {
                    if index + 1 < count, bytes[index + 1] == Self.quote {
                        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...index]))
                        hasCopy = true
                        index += 2
                        segmentStart = index
                        continue
                    }
                    break
                } else if byte == Self.lineFeed {
                    noteLineEnd(index, &row)
                } else if byte == Self.carriageReturn {
                    if index + 1 < count, bytes[index + 1] == Self.lineFeed {
                        // A CRLF inside the field is read as LF, so CRLF and LF files give the same values.
                        value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                        hasCopy = true
                        segmentStart = index + 1
                    } else {
                        noteLineEnd(index, &row)
                    }
                }
                index += 1
            }
            let segment = UnsafeBufferPointer(rebasing: bytes[segmentStart..<index])
            var text: String
            if hasCopy {
                value.append(contentsOf: segment)
                text = String(decoding: value, as: UTF8.self)
            } else {
                text = String(decoding: segment, as: UTF8.self)
            }
            index += 1  // the closing quote
            var after = index
            while after < count, bytes[after] == Self.space || bytes[after] == Self.tab { after += 1 }
            if after < count, !isDelimiter(bytes[after]) {
                // Text after the closing quote: kept, up to the next delimiter.
                var end = after
                while end < count, !isDelimiter(bytes[end]) { end += 1 }
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                row.strayQuotes.append(StrayQuote(line: line, column: column, afterClosingQuote: true))
                after = end
            }
            row.fields.append(text)
            position = after
        } else {
            let start = position
            var sawQuote = false
            while index < count {
                let byte = bytes[index]
                if isDelimiter(byte) { break }
                if byte == Self.quote { sawQuote = true }
                index += 1
            }
            var low = start
            var high = index
            while low < high, bytes[low] == Self.space || bytes[low] == Self.tab { low += 1 }
            while high > low, bytes[high - 1] == Self.space || bytes[high - 1] == Self.tab { high -= 1 }
            row.fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self))
            if sawQuote { row.strayQuotes.append(StrayQuote(line: line, column: column, afterClosingQuote: false)) }
            position = index
        }
        // The delimiter.
        guard position < count else { return .endOfFile(count) }
        let byte = bytes[position]
        let end = position
        if byte == Self.comma {
            position += 1
            return .comma
        }
        if byte == Self.carriageReturn, position + 1 < count, bytes[position + 1] == Self.lineFeed {
            position += 1
        }
        position += 1
        noteLineEnd(end, &row)
        return .lineEnd(end)
    }

    /// Counts a line end at byte `offset`, and records the end of the row's first line.
    @inline(__always)
    private mutating func noteLineEnd(_ offset: Int, _ row: inout Row) {
        if row.firstLineEnd > offset { row.firstLineEnd = offset }
        line += 1
    }

    @inline(__always)
    private func isDelimiter(_ byte: UInt8) -> Bool {
        byte == Self.comma || byte == Self.lineFeed || byte == Self.carriageReturn
    }
}
