import GRDB
import GRDBSQLite

/// A 64-bit hash of a work's stored columns: what decides between two records of the same id
/// and the same `updated_date` (the larger hash wins), so that the stored record does not
/// depend on which of the two arrived first.
///
/// Every field is written as a tag word (0 NULL, 1 integer, 2 text, 3 blob), then for an
/// integer its value and for text or a blob its length and its bytes, eight at a time as
/// little-endian words, the last 1-7 bytes packed into one word: the stream can be parsed back
/// field by field, so different contents give different streams (and, but for a 64-bit
/// collision, different hashes). Each word is mixed in as in MurmurHash64A (multiply, shift,
/// multiply, xor, multiply; m = 0xc6a4a7935bd1e995), which runs at several GB/s where a
/// byte-at-a-time hash would cost a quarter of ingest's time; the result is a fixed function of
/// the bytes, the same on every platform and in every version that keeps this encoding.
struct ContentHasher {
    private static let multiplier: UInt64 = 0xC6A4_A793_5BD1_E995
    private static let seed: UInt64 = 0x5445_4348_5452_4B31  // "TECHTRK1"

    private enum Tag: UInt64 {
        case null = 0, integer = 1, text = 2, blob = 3
    }

    private var state = Self.seed

    /// The hash of everything added so far.
    var value: UInt64 {
        var h = state
        h ^= h >> 47
        h = h &* Self.multiplier
        h ^= h >> 47
        return h
    }

    @inline(__always)
    private mutating func add(word: UInt64) {
        var k = word &* Self.multiplier
        k ^= k >> 47
        k = k &* Self.multiplier
        state = (state ^ k) &* Self.multiplier
    }

    private mutating func add(tag: Tag) {
        add(word: tag.rawValue)
    }

    private mutating func add(tag: Tag, bytes: UnsafeRawBufferPointer) {
        add(tag: tag)
        add(word: UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            add(word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << UInt64(8 * shift) }
            add(word: tail)
        }
    }

    /// Adds an integer column (or NULL).
    mutating func add(_ integer: Int?) {
        guard let integer else { add(tag: .null); return }
        add(tag: .integer)
        add(word: UInt64(bitPattern: Int64(integer)))
    }

    /// Adds a text column (or NULL) as its UTF-8 bytes, which is what SQLite stores.
    mutating func add(_ text: String?) {
        guard let text else { add(tag: .null); return }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable {
            add(tag: .text, bytes: UnsafeRawBufferPointer($0))
        }
        if done == nil {
            // Bridged or non-contiguous strings: copy once (never the case for parsed text).
            Array(text.utf8).withUnsafeBytes { add(tag: .text, bytes: $0) }
        }
    }

    /// Adds a blob column.
    mutating func add(blob: [UInt8]) {
        blob.withUnsafeBytes { add(tag: .blob, bytes: $0) }
    }

    /// Adds column `index` of the current row of `statement`, read as `kind` so that the bytes
    /// are those the value was bound from (text as UTF-8, a blob as it is, NULL as NULL).
    mutating func add(column index: Int32, of statement: OpaquePointer, as kind: StoredColumnKind) {
        if sqlite3_column_type(statement, index) == SQLITE_NULL {
            add(tag: .null)
            return
        }
        switch kind {
        case .integer:
            add(Int(sqlite3_column_int64(statement, index)))
        case .text:
            // The pointer first, then the byte count (SQLite's documented order).
            let pointer = sqlite3_column_text(statement, index).map { UnsafeRawPointer($0) }
            add(tag: .text, bytes: Self.buffer(pointer, count: sqlite3_column_bytes(statement, index)))
        case .blob:
            // column_blob is NULL for a zero-length blob: an empty buffer, as `[]` hashes.
            let pointer = sqlite3_column_blob(statement, index)
            add(tag: .blob, bytes: Self.buffer(pointer, count: sqlite3_column_bytes(statement, index)))
        }
    }

    private static func buffer(_ pointer: UnsafeRawPointer?, count: Int32) -> UnsafeRawBufferPointer {
        guard let pointer else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: Int(count))
    }
}

/// How a `work` column is bound, so a stored row is hashed as its `WorkRow` was.
enum StoredColumnKind {
    case integer, text, blob
}

extension WorkRow {
    /// The stored columns of `work` in the order they are hashed and bound (`?1`…`?15`), with
    /// how each is bound. `WorkUpserter` and `hash(of:)` below both follow this list.
    static let hashedColumns: [(name: String, kind: StoredColumnKind)] = [
        ("source", .text), ("doi", .text), ("title", .text), ("abstract", .text), ("keywords", .text),
        ("topics", .text), ("publication_year", .integer), ("type", .text), ("language", .text),
        ("is_retracted", .integer), ("cited_by_count", .integer), ("counts_by_year", .blob),
        ("referenced_works", .blob), ("authorships", .blob), ("updated_date", .text),
    ]

    /// The content hash of a packed row's stored columns, in `hashedColumns` order, with its
    /// references in their list form (`WorkBlobCodec.encodeReferenceList`).
    static func contentHash(of row: WorkRow, referenceList: [UInt8]) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add(row.source)
        hasher.add(row.doi)
        hasher.add(row.title)
        hasher.add(row.abstract)
        hasher.add(row.keywords)
        hasher.add(row.topics)
        hasher.add(row.publicationYear)
        hasher.add(row.type)
        hasher.add(row.language)
        hasher.add(row.isRetracted ? 1 : 0)
        hasher.add(row.citedByCount)
        hasher.add(blob: row.countsByYear)
        hasher.add(blob: referenceList)
        hasher.add(blob: row.authorships)
        hasher.add(row.updatedDate)
        return hasher.value
    }
}

extension RawStatement {
    /// The content hash of the current row, whose columns are `WorkRow.hashedColumns` in order
    /// from column 0: how a row stored without a hash (by an older version) is compared.
    func contentHashOfRow() -> UInt64 {
        var hasher = ContentHasher()
        for (index, column) in WorkRow.hashedColumns.enumerated() {
            if column.name == "referenced_works", let list = referenceListOfNumberedBlob(Int32(index)) {
                hasher.add(blob: list)
            } else {
                hasher.add(column: Int32(index), of: statement.sqliteStatement, as: column.kind)
            }
        }
        return hasher.value
    }
}

extension RawStatement {
    /// The list form of a references column stored in the numbered form (`nil` for any other
    /// value, hashed as stored): rows are hashed with their references in the list form.
    fileprivate func referenceListOfNumberedBlob(_ index: Int32) -> [UInt8]? {
        guard columnType(index) == SQLITE_BLOB else { return nil }
        let bytes = columnBlob(index)
        guard bytes.count > 1, bytes[0] == 0, let ids = try? WorkBlobCodec.decodeReferences(bytes) else { return nil }
        return WorkBlobCodec.encodeReferenceList(ids)
    }
}
