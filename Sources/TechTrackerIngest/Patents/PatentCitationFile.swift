#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import TechTrackerCore
import TechTrackerGzip

/// A patent-citation file opened for reading: plain or gzipped (recognised by its first bytes,
/// whatever it is called), its header read and its columns found.
///
/// Opening reads only the first line (decompressing at most the first megabyte), so every
/// file of a run can be checked before any is read; `forEachChunk` then streams the whole text
/// in chunks of a few megabytes, in bounded memory whatever the file's size.
public struct PatentCitationFile: Sendable {
    /// The path as given.
    public let path: String
    /// Its size on disk.
    public let diskBytes: Int64
    /// Whether it is gzipped.
    public let isGzip: Bool
    /// Where each value is, from the header.
    public let columns: PatentColumns
    /// The file itself (device and inode), to read each file once.
    public let identity: FileIdentity

    /// Opens `path` and reads its header: comma- or tab-separated (whichever the header line
    /// holds more of), with the columns of `layout`, or of the layout the header shows when
    /// `layout` is `nil`. Throws `IngestError` for a path that is missing or not a regular
    /// file, `PatentFileError` for a header that does not do.
    public init(path: String, layout: PatentFileLayout?) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw IngestError.inputNotFound(path) }
            throw IngestError.unreadable(path: path, reason: InputDiscovery.lastError())
        }
        guard FileIdentity.isRegular(info.st_mode) else {
            throw IngestError.notRegularFile(path: path, kind: FileIdentity.kind(of: info.st_mode))
        }
        self.path = path
        diskBytes = Int64(info.st_size)
        identity = FileIdentity(info)
        let encoding = InputDiscovery.encoding(of: path)
        isGzip = encoding == .gzip
        let head = try FileHead.read(
            InputFile(path: path, size: Int(info.st_size), encoding: encoding),
            count: PatentRecordSplitter.defaultMaximumRecordBytes + 1)
        columns = try Self.header(head, path: path, layout: layout)
    }

    /// The file's name, without its folder.
    public var name: String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    /// Streams the file's text (decompressed), calling `body` with each chunk in order, and
    /// `diskBytesRead` with the bytes read from disk for it (for progress). A damaged gzip file
    /// throws after every chunk before the damage has been passed on.
    public func forEachChunk(
        diskBytesRead: (Int) -> Void = { _ in }, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        if isGzip {
            // The gzip reader opens the file itself (blocking): make sure it is still a regular
            // file, not a FIFO put in its place since it was opened.
            try PlainFileReader.checkRegularFile(path)
            try GzipFileReader(path: path).forEachChunk(compressedBytesRead: diskBytesRead, body)
        } else {
            try PlainFileReader(path: path).forEachChunk { chunk in
                diskBytesRead(chunk.count)
                try body(chunk)
            }
        }
    }

    /// Reads the whole file on this thread, handing each citation and bad row to `consumer`,
    /// and returns the bytes of text read. Never throws: a file damaged part way (a cut-off
    /// gzip) keeps the rows before the damage and reports the rest as one bad row.
    @discardableResult
    public func read(into consumer: inout some PatentCitationConsumer) -> Int {
        var parser = PatentTextParser(columns: columns, path: path)
        var textBytes = 0
        do {
            try forEachChunk { chunk in
                textBytes += chunk.count
                parser.feed(chunk, into: &consumer)
            }
            parser.finish(into: &consumer)
        } catch {
            parser.damaged(by: error, into: &consumer)
        }
        return textBytes
    }

    /// The columns the first line names.
    static func header(_ head: [UInt8], path: String, layout: PatentFileLayout?) throws -> PatentColumns {
        var text = head[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }  // a UTF-8 byte order mark
        // Skip blank lines before the header (whole lines only: a header may start with a
        // delimiter, the empty name of an index column).
        while let lineEnd = text.firstIndex(of: 0x0A),
            text[..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        {
            text = text[(lineEnd + 1)...]
        }
        if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) { text = text[text.endIndex...] }
        guard !text.isEmpty else { throw PatentFileError.noHeader(file: path) }
        guard
            let lineEnd = text.firstIndex(of: 0x0A)
                ?? (head.count <= PatentRecordSplitter.defaultMaximumRecordBytes
                    ? text.endIndex : nil)
        else {
            let loneCR = text.contains(0x0D)
            throw PatentFileError.headerTooLong(file: path, loneCarriageReturns: loneCR)
        }
        let firstLine = text[..<lineEnd]
        let tabs = firstLine.reduce(0) { $0 + ($1 == 0x09 ? 1 : 0) }
        let commas = firstLine.reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) }
        let delimiter: UInt8 = tabs > commas ? 0x09 : 0x2C
        var names: [String] = []
        var splitter = PatentRecordSplitter(delimiter: delimiter)
        Array(text).withUnsafeBytes { bytes in
            var found = false
            splitter.feed(bytes) { record in
                guard !found, case .row(let row, _) = record else { return }
                found = true
                names = PatentRowParser.fields(of: row, delimiter: delimiter)
            }
            if !found {
                splitter.finish { record in
                    if case .row(let row, _) = record { names = PatentRowParser.fields(of: row, delimiter: delimiter) }
                }
            }
        }
        return try PatentColumns(names: names, delimiter: delimiter, layout: layout, file: path)
    }
}

/// Receives what a patent-citation file holds, row by row.
public protocol PatentCitationConsumer {
    /// A valid citation from the row starting on `line`.
    mutating func accept(_ citation: PatentCitation, line: Int)
    /// A row that cannot be read, skipped.
    mutating func reject(_ problem: PatentRowProblem)
}

/// Reads a patent-citation file's text as it streams in: records cut (`PatentRecordSplitter`),
/// the header skipped, each row read (`PatentRowParser`). Chunks must be fed in order; one
/// parser per file, on one thread.
public struct PatentTextParser {
    private var splitter: PatentRecordSplitter
    private var parser: PatentRowParser
    private let path: String
    private var headerSkipped = false

    /// A parser for the text of the file at `path`, whose header gave `columns`.
    public init(columns: PatentColumns, path: String) {
        splitter = PatentRecordSplitter(delimiter: columns.delimiter)
        parser = PatentRowParser(columns: columns)
        self.path = path
    }

    /// Reads the records the chunk completes.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, into consumer: inout some PatentCitationConsumer) {
        // Moved out while it calls back into this parser (the two would overlap), and swapped
        // rather than copied so that its buffer is not copied on write.
        var splitter = self.splitter
        self.splitter = PatentRecordSplitter(delimiter: splitter.delimiter)
        splitter.feed(chunk) { record in handle(record, &consumer) }
        self.splitter = splitter
    }

    /// Reads the last record (one without a line end) at the end of the text.
    public mutating func finish(into consumer: inout some PatentCitationConsumer) {
        var splitter = self.splitter
        self.splitter = PatentRecordSplitter(delimiter: splitter.delimiter)
        splitter.finish { record in handle(record, &consumer) }
        self.splitter = splitter
    }

    /// Reports the rest of a file that could not be read (`error`) as one bad row.
    public mutating func damaged(by error: any Error, into consumer: inout some PatentCitationConsumer) {
        consumer.reject(
            PatentRowProblem(
                file: path, line: splitter.line + 1, kind: .unreadableRest,
                detail: "\(error); the rest of the file could not be read"))
    }

    /// Lines ended so far.
    public var line: Int { splitter.line }

    private mutating func handle(_ record: PatentRecord, _ consumer: inout some PatentCitationConsumer) {
        switch record {
        case .row(let bytes, let line):
            // The first record that is not blank is the header, read when the file was opened.
            guard headerSkipped else {
                // As when the file was opened: a byte order mark and blank lines come before it.
                var text = bytes
                if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = UnsafeRawBufferPointer(rebasing: text.dropFirst(3)) }
                if !PatentFieldValues.trimmed(text).isEmpty { headerSkipped = true }
                return
            }
            switch parser.parse(bytes) {
            case .citation(let citation): consumer.accept(citation, line: line)
            case .problem(let kind, let detail):
                consumer.reject(PatentRowProblem(file: path, line: line, kind: kind, detail: detail))
            case .blank: break
            }
        case .tooLong(let line):
            consumer.reject(
                PatentRowProblem(
                    file: path, line: line, kind: .tooLong,
                    detail: "a row longer than \(PatentRecordSplitter.defaultMaximumRecordBytes >> 10) KB, skipped"))
        case .unterminatedQuote(let line):
            consumer.reject(
                PatentRowProblem(
                    file: path, line: line, kind: .unterminatedQuote,
                    detail: "a quoted field opened here is not closed before the end of the file"))
        }
    }
}
