import GRDB
import GRDBSQLite

/// SQLite's "copy this value" destructor, which Swift cannot import as a macro.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// Thin binds and steps over a prepared statement: the bulk path skips GRDB's argument
/// boxing (SWIFT-NOTES: raw binds run 2-3x faster than `execute(arguments:)`).
struct RawStatement {
    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ index: Int32, _ value: String?) {
        guard var value else { sqlite3_bind_null(handle, index); return }
        value.withUTF8 { utf8 in
            _ = sqlite3_bind_text(
                handle, index, utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                Int32(utf8.count), sqliteTransient)
        }
    }

    func bind(_ index: Int32, _ value: Int?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    func bind(_ index: Int32, blob: [UInt8]) {
        bind(index, blob: blob[...])
    }

    /// Binds part of a byte array as a blob (copied by SQLite).
    func bind(_ index: Int32, blob: ArraySlice<UInt8>) {
        // A zero-length blob still needs a non-null pointer to be a blob rather than NULL.
        _ = blob.withUnsafeBytes { raw in
            raw.count == 0
                ? sqlite3_bind_zeroblob(handle, index, 0)
                : sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), sqliteTransient)
        }
    }

    /// Steps a statement that returns no rows.
    func run(_ db: Database) throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    /// Steps once; true when a row is available.
    func nextRow(_ db: Database) throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
    }

    func columnInt(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    /// The storage class of a column of the current row (`SQLITE_INTEGER`, `SQLITE_NULL`, …):
    /// readers check it before trusting a value, since SQLite stores whatever it is given.
    func columnType(_ index: Int32) -> Int32 { sqlite3_column_type(handle, index) }

    func columnOptionalInt(_ index: Int32) -> Int? {
        sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, index))
    }

    /// A newline-separated text column as its lines, split on the raw bytes (no
    /// intermediate String, no Character iteration).
    func columnLines(_ index: Int32) -> [String] {
        guard let text = sqlite3_column_text(handle, index) else { return [] }
        let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
        guard !bytes.isEmpty else { return [] }
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self)
        }
    }

    /// The bytes of a blob column, without a copy: valid only until the next step or reset.
    func columnBlobBytes(_ index: Int32) -> UnsafeRawBufferPointer {
        guard let blob = sqlite3_column_blob(handle, index) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(handle, index)))
    }

    func columnBlob(_ index: Int32) -> [UInt8] {
        guard let blob = sqlite3_column_blob(handle, index) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(handle, index))))
    }

    func columnText(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}

extension RawStatement {
    /// Binds a 64-bit hash as SQLite's signed INTEGER with the same bits (SQLite has no
    /// unsigned type); `columnHash` reads it back unchanged.
    func bind(_ index: Int32, hash: UInt64) {
        sqlite3_bind_int64(statement.sqliteStatement, index, Int64(bitPattern: hash))
    }

    /// A hash stored by `bind(_:hash:)`, or nil for NULL (a row stored before hashes were kept).
    func columnHash(_ index: Int32) -> UInt64? {
        columnOptionalInt(index).map { UInt64(bitPattern: Int64($0)) }
    }
}
