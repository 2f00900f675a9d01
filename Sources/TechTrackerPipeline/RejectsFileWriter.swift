import Foundation
import TechTrackerIngest

/// Writes rejected records to a tab-separated file: `file`, `line`, `byte`, `reason`,
/// `record_id`, then the rejected text itself (last, so tabs inside it need no escaping).
/// Fixing the last column of each row and ingesting it again is the way to recover them.
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
        let fields = [rejection.path, String(rejection.line), rejection.offset.map(String.init) ?? "",
                      rejection.reason, rejection.recordID ?? ""]
        for field in fields {
            // Keep the row structure: tabs and newlines inside a field become spaces.
            buffer.append(contentsOf: field.utf8.map { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
            buffer.append(0x09)
        }
        buffer.append(contentsOf: rejection.text)
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
}
