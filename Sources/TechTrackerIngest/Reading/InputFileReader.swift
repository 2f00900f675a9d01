import TechTrackerCore

/// Reads one input file in its format: recognised from its content (`InputFormat.detect`) or
/// forced (`ingest --format`). OpenAlex JSON is read line by line (`RecordFileReader`), a Web
/// of Science or Scopus export whole (`ExportFileReader`). A file recognised as one this
/// program does not read (OpenAlex's CSV download) is one rejection that says what to use
/// instead; a file of no recognised format is read as OpenAlex JSON Lines, whose messages then
/// say, line by line, why it is not.
public struct InputFileReader: Sendable {
    /// The format every file is read as, or `nil` to recognise each file's.
    public var forcedFormat: InputFormat?
    /// The longest JSON line or document (`RecordFileReader.maximumTextLength`).
    public var maximumTextLength = RecordFileReader.defaultMaximumTextLength

    /// Makes a reader.
    public init(forcedFormat: InputFormat? = nil) {
        self.forcedFormat = forcedFormat
    }

    /// Reads `file`. Never throws: every problem becomes a counted rejection or a warning.
    public func read(
        _ file: InputFile, parser: inout OpenAlexRecordParser, into consumer: inout some RecordFileConsumer
    ) {
        let format: InputFormat
        if let forcedFormat {
            format = forcedFormat
        } else {
            switch Result(catching: { try InputFormat.detect(file: file) }) {
            case .success(.format(let detected)): format = detected
            case .success(.unknown): format = .openAlex
            case .success(.unsupported(let what)):
                consumer.reject(IngestRejection(path: file.path, line: 1, reason: "not read: the file is \(what)"))
                return
            case .failure(let error):
                consumer.reject(IngestRejection(path: file.path, line: 1, reason: "\(error)"))
                return
            }
        }
        if format.isExport {
            ExportFileReader(file: file, format: format).read(into: &consumer)
        } else {
            var reader = RecordFileReader(file: file)
            reader.maximumTextLength = maximumTextLength
            reader.read(parser: &parser, into: &consumer)
        }
    }
}
