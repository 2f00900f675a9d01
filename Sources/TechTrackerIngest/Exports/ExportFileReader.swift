import Foundation
import TechTrackerCore
import TechTrackerGzip

/// Reads one Web of Science or Scopus export (plain or gzip) and hands each work, rejection and
/// warning to a consumer, with the file and line it came from.
///
/// An export is read whole: the databases cap an export at a few thousand records (1,000 for
/// Web of Science, 20,000 for Scopus), and a Scopus field may span lines, so the file is not
/// read line by line like an OpenAlex snapshot. A problem of the file's layout that loses
/// records (a header that is not the format's, a row with more fields than columns, a file cut
/// inside a quoted field) is a rejection that names the line; one that loses no record (a
/// damaged line inside a kept record) is a warning. Every record is either stored or rejected
/// with its reason, so the counts reconcile.
public struct ExportFileReader {
    /// The file.
    let file: InputFile
    /// Its format (recognised or forced).
    let format: InputFormat
    /// The largest export read, in bytes of text; a larger file is rejected whole.
    public var maximumBytes = ExportFileReader.defaultMaximumBytes

    /// 1 GiB: ten times the largest Scopus export (20,000 records with their references).
    public static let defaultMaximumBytes = 1 << 30

    /// Prepares to read `file` as `format` (one of the export formats).
    public init(file: InputFile, format: InputFormat) {
        self.file = file
        self.format = format
    }

    /// Reads the whole file. Never throws: every problem becomes a counted rejection or warning.
    public func read(into consumer: inout some RecordFileConsumer) {
        var bytes: [UInt8] = []
        var tooLarge = false
        do {
            try forEachChunk(consumer: &consumer) { chunk in
                guard bytes.count + chunk.count <= maximumBytes else {
                    tooLarge = true
                    throw ExportTooLarge()
                }
                bytes.append(contentsOf: chunk)
            }
        } catch is ExportTooLarge {
        } catch {
            // What was read before the damage is still read below; the rest is one rejection.
            consumer.reject(
                IngestRejection(
                    path: file.path, line: Self.lineCount(bytes) + 1,
                    reason: "\(error); the rest of the file could not be read"))
        }
        if tooLarge {
            consumer.reject(
                IngestRejection(
                    path: file.path, line: 1,
                    reason: "\(format.name) export larger than \(maximumBytes >> 20) MiB; split it into smaller exports"
                ))
            return
        }
        read(bytes: bytes, into: &consumer)
    }

    /// Reads the export's text as if it were the whole file.
    func read(bytes: [UInt8], into consumer: inout some RecordFileConsumer) {
        switch format {
        case .wosPlainText: readWebOfScience(WoSPlainTextReader.read(bytes: bytes), into: &consumer)
        case .wosTabDelimited: readWebOfScience(WoSTabDelimitedReader.read(bytes: bytes), into: &consumer)
        case .scopusCSV: readScopus(ScopusCSVReader.read(bytes: bytes), into: &consumer)
        case .openAlex:
            consumer.reject(IngestRejection(path: file.path, line: 1, reason: "not an export: read as OpenAlex JSON"))
        }
    }

    private func readWebOfScience(_ result: WoSReadResult, into consumer: inout some RecordFileConsumer) {
        for problem in result.problems {
            switch problem.kind {
            case .notTabDelimited, .tooManyFields:
                // The row (or the whole file) is lost: a rejection, counted as a record.
                consumer.reject(IngestRejection(path: file.path, line: problem.line, reason: problem.detail))
            case .emptyFile, .missingAccessionColumn, .duplicateColumn:
                consumer.warn(
                    IngestWarning(path: file.path, line: problem.line, kind: .fileLayout, detail: problem.detail))
            case .continuationBeforeTag, .unterminatedRecord, .strayRecordEnd, .textAfterEndOfFile, .unrecognisedLine:
                consumer.warn(
                    IngestWarning(path: file.path, line: problem.line, kind: .damagedText, detail: problem.detail))
            }
        }
        var keys = InstitutionKeyCache()
        for record in result.records {
            let mapped = WoSWorkMapper.map(record, keys: &keys)
            place(mapped, line: record.line, id: record.accessionNumber, into: &consumer) {
                record.plainText
            }
        }
    }

    private func readScopus(_ result: ScopusReadResult, into consumer: inout some RecordFileConsumer) {
        for problem in result.problems {
            if problem.losesRecords {
                consumer.reject(IngestRejection(path: file.path, line: problem.line, reason: problem.detail))
            } else {
                let kind: IngestWarning.Kind = problem.kind == .strayQuote ? .damagedText : .fileLayout
                consumer.warn(IngestWarning(path: file.path, line: problem.line, kind: kind, detail: problem.detail))
            }
        }
        for row in result.rows {
            place(ScopusWorkMapper.map(row), line: row.line, id: row.value("EID"), into: &consumer) { row.csvText }
        }
    }

    /// Hands a mapped record to the consumer with its file and line.
    private func place(
        _ mapped: MappedRecord, line: Int, id: String?, into consumer: inout some RecordFileConsumer,
        text: () -> [UInt8]
    ) {
        let recordID = mapped.work?.id ?? id
        for warning in mapped.warnings {
            consumer.warn(
                IngestWarning(
                    path: file.path, line: line, recordID: recordID, kind: warning.kind, detail: warning.detail,
                    subject: warning.subject))
        }
        if let work = mapped.work {
            consumer.accept(work)
        } else {
            consumer.reject(
                IngestRejection(
                    path: file.path, line: line, reason: mapped.rejection ?? "record not readable",
                    recordID: recordID, text: text()))
        }
    }

    /// Calls `body` with each chunk of the file's text, reporting progress to the consumer.
    private func forEachChunk(
        consumer: inout some RecordFileConsumer, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        switch file.encoding {
        case .plain:
            try PlainFileReader(path: file.path).forEachChunk { chunk in
                consumer.consumed(diskBytes: chunk.count, textBytes: chunk.count)
                try body(chunk)
            }
        case .gzip:
            try PlainFileReader.checkRegularFile(file.path)
            var diskBytes = 0
            try GzipFileReader(path: file.path).forEachChunk(compressedBytesRead: { diskBytes += $0 }) { chunk in
                consumer.consumed(diskBytes: diskBytes, textBytes: chunk.count)
                diskBytes = 0
                try body(chunk)
            }
            if diskBytes > 0 { consumer.consumed(diskBytes: diskBytes, textBytes: 0) }
        }
    }

    /// The number of line ends in `bytes`.
    private static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// Thrown to stop reading a file over the size limit.
    private struct ExportTooLarge: Error {}
}

extension ScopusReadProblem {
    /// Whether the problem cost records (the file, or a row, could not be read), so that it is
    /// counted as a rejection; the others are warnings about records that were kept.
    var losesRecords: Bool {
        switch kind {
        case .notScopusHeader, .tooManyFields, .unterminatedQuote: true
        // A missing column loses nothing by itself: every row is still read, and rejected on its
        // own when the column was one it needs (`no EID`), so counting the column too would
        // count one record twice.
        case .missingColumn, .emptyFile, .tooFewFields, .unlistedFundingText, .strayQuote: false
        }
    }
}

extension ScopusRow {
    /// The row as one CSV line under its header's columns, every field quoted, for the
    /// `--rejects` file.
    var csvText: [UInt8] {
        let quoted = fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return Array(quoted.joined(separator: ",").utf8)
    }
}

extension WoSTaggedRecord {
    /// The record in the plain-text layout (`TG value`, continuation lines, `ER`), for the
    /// `--rejects` file.
    var plainText: [UInt8] {
        var text = ""
        for field in fields {
            for (index, value) in field.values.enumerated() {
                text += (index == 0 ? field.tag + " " : "   ") + value + "\n"
            }
        }
        text += "ER\n"
        return Array(text.utf8)
    }
}
