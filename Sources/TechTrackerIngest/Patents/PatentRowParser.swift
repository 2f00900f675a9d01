#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import TechTrackerCore

/// Reads one record of a patent-citation file (a `PatentRecord.row`) into a citation, or says
/// what is wrong with it.
///
/// A record without a quote (every row of a *Reliance on Science* file) is split where it lies,
/// with `memchr`; a record with quotes is unquoted into a scratch buffer first (RFC 4180: `""`
/// is a quote, text after a closing quote is kept). The scratch buffers live in the parser, so
/// one parser per thread reads every row without allocating, but for the patent id's `String`
/// (and, in generic files, a family id or DOI).
public struct PatentRowParser {
    /// What one record gave.
    public enum Outcome {
        /// A valid citation.
        case citation(PatentCitation)
        /// A row that cannot be read: what is wrong, and the details (with the value as read).
        case problem(PatentRowProblem.Kind, String)
        /// A blank line: not a row.
        case blank
    }

    /// Where each value is.
    public let columns: PatentColumns
    /// Start and end offsets of the current record's fields, in pairs: room for one more field
    /// than the header has (a row with more is only counted, in `fieldsFound`).
    private var bounds: [Int]
    /// Fields of the current record.
    private var fieldsFound = 0
    /// The unquoted fields of a record with quotes.
    private var unquoted: [UInt8] = []

    /// A parser for rows laid out as `columns` says.
    public init(columns: PatentColumns) {
        self.columns = columns
        bounds = Array(repeating: 0, count: 2 * (columns.fieldCount + 1))
    }

    /// Reads one record (without its line end).
    public mutating func parse(_ record: UnsafeRawBufferPointer) -> Outcome {
        guard let base = record.baseAddress, !PatentFieldValues.trimmed(record).isEmpty else { return .blank }
        if memchr(base, 0x22, record.count) == nil {
            split(record)
            return read(base)
        }
        unquote(record)
        // `unquote` reserved room for the whole record first: the buffer does not move while read.
        var outcome = Outcome.blank
        unquoted.withUnsafeBytes { bytes in
            outcome = read(bytes.baseAddress ?? base)
        }
        return outcome
    }

    /// The fields of a record as text, unquoted and trimmed of spaces, tabs and CRs (a header's
    /// column names).
    static func fields(of record: UnsafeRawBufferPointer, delimiter: UInt8) -> [String] {
        var columns = PatentColumns.unread
        columns.delimiter = delimiter
        var parser = PatentRowParser(columns: columns)
        parser.unquote(record)
        return (0..<parser.fieldsFound).map { field in
            var slice = parser.unquoted[parser.bounds[2 * field]..<parser.bounds[2 * field + 1]]
            while let first = slice.first, first == 0x20 || first == 0x09 || first == 0x0D { slice = slice.dropFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    /// Finds the fields of a record without quotes.
    private mutating func split(_ record: UnsafeRawBufferPointer) {
        let delimiter = columns.delimiter
        var found = 0
        // One exclusive access per record rather than per field; fields are short, so a loop
        // over the bytes beats a `memchr` call per field.
        bounds.withUnsafeMutableBufferPointer { bounds in
            let room = bounds.count / 2
            var start = 0
            for index in 0..<record.count where record[index] == delimiter {
                if found < room {
                    bounds[2 * found] = start
                    bounds[2 * found + 1] = index
                }
                found += 1
                start = index + 1
            }
            if found < room {
                bounds[2 * found] = start
                bounds[2 * found + 1] = record.count
            }
            found += 1
        }
        fieldsFound = found
    }

    /// Records a field of a record with quotes (the slow path: room is made as needed).
    private mutating func addField(start: Int, end: Int) {
        if 2 * fieldsFound + 1 >= bounds.count { bounds += [0, 0] }
        bounds[2 * fieldsFound] = start
        bounds[2 * fieldsFound + 1] = end
        fieldsFound += 1
    }

    /// Copies the fields of a record with quotes into `unquoted`, without their quotes.
    private mutating func unquote(_ record: UnsafeRawBufferPointer) {
        fieldsFound = 0
        unquoted.removeAll(keepingCapacity: true)
        unquoted.reserveCapacity(record.count)
        let delimiter = columns.delimiter
        var index = 0
        while true {
            let start = unquoted.count
            var spaces = 0
            while index + spaces < record.count, record[index + spaces] == 0x20 { spaces += 1 }
            if index + spaces < record.count, record[index + spaces] == 0x22 {
                index += spaces + 1
                // Inside quotes: up to the closing quote; `""` is one quote.
                while index < record.count {
                    let byte = record[index]
                    index += 1
                    if byte == 0x22 {
                        if index < record.count, record[index] == 0x22 {
                            unquoted.append(0x22)
                            index += 1
                        } else {
                            break
                        }
                    } else {
                        unquoted.append(byte)
                    }
                }
            }
            // Unquoted text, or what follows a closing quote, up to the delimiter.
            while index < record.count, record[index] != delimiter {
                unquoted.append(record[index])
                index += 1
            }
            addField(start: start, end: unquoted.count)
            guard index < record.count else { return }
            index += 1  // the delimiter
        }
    }

    /// The values of the fields found, from `base` (the record, or `unquoted`).
    private func read(_ base: UnsafeRawPointer) -> Outcome {
        guard fieldsFound == columns.fieldCount else {
            return .problem(.fieldCount, "\(fieldsFound) field(s) for the header's \(columns.fieldCount) columns")
        }
        let bounds = self.bounds
        func field(_ index: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: base + bounds[2 * index], count: bounds[2 * index + 1] - bounds[2 * index])
        }
        func problem(_ kind: PatentRowProblem.Kind, _ column: Int, _ expected: String) -> Outcome {
            .problem(
                kind,
                "\(columns.names[column]) \"\(PatentFieldValues.excerpt(field(column)))\" \(expected)")
        }

        // The cited work: the OpenAlex id when the row gives one, else the DOI.
        var work: PatentCitedWork?
        if let column = columns.work {
            switch PatentFieldValues.openAlexNumber(field(column)) {
            case .value(let number): work = .openAlex(number)
            case .invalid: return problem(.workID, column, "is not an OpenAlex work id (2741809807, W2741809807)")
            case .empty: break
            }
        }
        if work == nil, let column = columns.doi {
            let text = PatentFieldValues.trimmed(field(column))
            if !text.isEmpty {
                guard let doi = WorkMatchKey.doi(String(decoding: text, as: UTF8.self)) else {
                    return problem(.doi, column, "is not a DOI")
                }
                work = .doi(doi)
            }
        }
        guard let work else {
            let names = [columns.work, columns.doi].compactMap { $0.map { columns.names[$0] } }
            return .problem(.noWork, "no work: \(names.joined(separator: " and ")) empty")
        }

        let patentBytes = PatentFieldValues.trimmed(field(columns.patent))
        guard !patentBytes.isEmpty else {
            return .problem(.emptyPatent, "\(columns.names[columns.patent]) is empty")
        }
        var citation = PatentCitation(work: work, patent: String(decoding: patentBytes, as: UTF8.self))

        if let column = columns.confidence {
            switch PatentFieldValues.confidence(field(column)) {
            case .value(let value): citation.confidence = value
            case .invalid: return problem(.confidence, column, "is not a number from 1 to 10")
            case .empty: break
            }
        }
        if let column = columns.referenceType {
            switch PatentFieldValues.referenceType(field(column)) {
            case .value(let value): citation.referenceType = value
            case .invalid: return problem(.referenceType, column, "is not app, exm, unk or oth")
            case .empty: break
            }
        }
        if let column = columns.place {
            switch PatentFieldValues.place(field(column)) {
            case .value(let value): citation.place = value
            case .invalid: return problem(.place, column, "is not frontonly, bodyonly or both")
            case .empty: break
            }
        }
        if let column = columns.selfCitation {
            switch PatentFieldValues.selfCitation(field(column)) {
            case .value(let value): citation.isSelfCitation = value
            case .invalid: return problem(.selfCitation, column, "is not 0/1, true/false, yes/no or self/notself")
            case .empty: break
            }
        }
        if let column = columns.family {
            let text = PatentFieldValues.trimmed(field(column))
            if !text.isEmpty { citation.family = String(decoding: text, as: UTF8.self) }
        }
        if let column = columns.year {
            let value =
                columns.yearColumnHoldsDates
                ? PatentFieldValues.yearOfDate(field(column)) : PatentFieldValues.year(field(column))
            switch value {
            case .value(let year): citation.year = year
            case .invalid: return problem(.year, column, "is not a year from 1800 to 2200")
            case .empty: break
            }
        }
        return .citation(citation)
    }
}
