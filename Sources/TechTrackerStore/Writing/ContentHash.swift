import GRDBSQLite

/// FNV-1a 64 over a work's stored columns: what decides between two records of the same id
/// and the same `updated_date` (the larger hash wins), so that the stored record does not
/// depend on which of the two arrived first.
///
/// Every field is written as a tag byte (0 NULL, 1 integer, 2 text, 3 blob), then for an
/// integer its 8 bytes and for text or a blob its length as 8 bytes and the bytes: the byte
/// stream can be parsed back field by field, so different contents give different streams
/// (and, but for a 64-bit collision, different hashes). The hash is a fixed function of the
/// bytes, the same on every platform and in every version that keeps this encoding.
struct ContentHasher {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01b3

    private enum Tag: UInt8 {
        case null = 0, integer = 1, text = 2, blob = 3
    }

    /// The hash of everything added so far.
    private(set) var value = Self.offsetBasis

    private mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime
    }

    private mutating func add(word: UInt64) {
        // Little-endian, byte by byte: FNV-1a is defined over bytes.
        var word = word
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: word))
            word >>= 8
        }
    }

    private mutating func add(tag: Tag, bytes: UnsafeRawBufferPointer) {
        add(byte: tag.rawValue)
        add(word: UInt64(bytes.count))
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* Self.prime }
        value = hash
    }

    /// Adds an integer column (or NULL).
    mutating func add(_ integer: Int?) {
        guard let integer else { add(byte: Tag.null.rawValue); return }
        add(byte: Tag.integer.rawValue)
        add(word: UInt64(bitPattern: Int64(integer)))
    }

    /// Adds a text column (or NULL) as its UTF-8 bytes, which is what SQLite stores.
    mutating func add(_ text: String?) {
        guard let text else { add(byte: Tag.null.rawValue); return }
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { add(tag: .text, bytes: UnsafeRawBufferPointer($0)) }
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
            add(byte: Tag.null.rawValue)
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

    /// The content hash of a packed row's stored columns, in `hashedColumns` order.
    static func contentHash(of row: WorkRow) -> UInt64 {
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
        hasher.add(blob: row.referencedWorks)
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
            hasher.add(column: Int32(index), of: statement.sqliteStatement, as: column.kind)
        }
        return hasher.value
    }
}
