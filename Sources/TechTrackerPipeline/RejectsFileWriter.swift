import Foundation
import TechTrackerIngest

/// Writes rejected records to a tab-separated file: `file`, `line`, `byte`, `reason`,
/// `record_id`, then the rejected text itself.
///
/// Every field is escaped so that every row has exactly six columns whatever it holds: a
/// backslash is written `\\`, a tab `\t`, a line feed `\n` and a carriage return `\r` (the
/// rejected text of a JSON line holds raw tabs and backslash escapes; a file name may hold
/// anything). Undoing those four escapes on the last column gives the rejected text back, to
/// fix and ingest again.
struct RejectsFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        buffer.append(contentsOf: Array("file\tline\tbyte\treason\trecord_id\ttext\n".utf8))
    }

    mutating func write(_ rejection: IngestRejection) throws {
        let fields = [
            rejection.path, String(rejection.line), rejection.offset.map(String.init) ?? "",
            rejection.reason, rejection.recordID ?? "",
        ]
        for field in fields {
            Self.appendEscaped(field.utf8, to: &buffer)
            buffer.append(0x09)
        }
        Self.appendEscaped(rejection.text, to: &buffer)
        buffer.append(0x0A)
        if buffer.count > 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }

    /// Appends `bytes` with `\`, tab, LF and CR written as `\\`, `\t`, `\n`, `\r`.
    static func appendEscaped(_ bytes: some Sequence<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            default: output.append(byte)
            }
        }
    }
}
