import Foundation
import GRDB
import GRDBSQLite

/// Lenient reads of one value of a fetched row: the value if it has (or converts exactly to)
/// the asked type, nil otherwise.
///
/// GRDB's `row[i]` traps (`try!`) when a value cannot become the asked type: a NULL read as
/// `String`, text read as `Int`. Stored data must never crash a report, so every read of a
/// stored value goes through these, and the caller decides what a nil means (a default, or
/// a skipped row) and counts it (`StoredValueIssues`).
enum StoredValue {
    /// Text; numbers are written out, a BLOB is decoded as UTF-8 (as SQLite's own
    /// conversion does), NULL is nil.
    static func text(_ row: Row, _ index: Int) -> String? {
        text(row[index])
    }

    /// `text(_:_:)` of a value.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let text): text
        case .int64(let value): String(value)
        case .double(let value): String(value)
        case .blob(let data): String(decoding: data, as: UTF8.self)
        case .null: nil
        }
    }

    /// An integer; a REAL only when it is a whole number in range, text only when it spells one.
    static func integer(_ row: Row, _ index: Int) -> Int? {
        integer(row[index])
    }

    /// `integer(_:_:)` of a value.
    static func integer(_ value: DatabaseValue) -> Int? {
        switch value.storage {
        case .int64(let value): Int(exactly: value)
        case .double(let value): Int(exactly: value)
        case .string(let text): Int(text.trimmingCharacters(in: .whitespaces))
        case .blob, .null: nil
        }
    }

    /// A number (integers widen).
    static func real(_ row: Row, _ index: Int) -> Double? {
        real(row[index])
    }

    /// `real(_:_:)` of a value.
    static func real(_ value: DatabaseValue) -> Double? {
        switch value.storage {
        case .double(let value): value
        case .int64(let value): Double(value)
        case .string(let text): Double(text.trimmingCharacters(in: .whitespaces))
        case .blob, .null: nil
        }
    }

    /// A boolean stored as an integer (anything but 0 is true).
    static func flag(_ row: Row, _ index: Int) -> Bool? {
        integer(row, index).map { $0 != 0 }
    }
}

extension StoredValue {
    /// Text that must be there: NULL reads as "" and is counted as missing.
    static func requiredText(_ row: Row, _ index: Int, _ issues: inout StoredValueIssues) -> String {
        if let text = text(row, index) { return text }
        issues.note(.missingValue)
        return ""
    }

    /// An integer that must be there: anything else reads as 0 and is counted as missing.
    static func requiredInteger(_ row: Row, _ index: Int, _ issues: inout StoredValueIssues) -> Int {
        if let value = integer(row, index) { return value }
        issues.note(.missingValue)
        return 0
    }

    /// A number that must be there: anything else (or a NaN) reads as 0 and is counted.
    static func requiredReal(_ row: Row, _ index: Int, _ issues: inout StoredValueIssues) -> Double {
        if let value = real(row, index), !value.isNaN { return value }
        issues.note(.missingValue)
        return 0
    }

    /// A flag that must be there: anything else reads as false and is counted.
    static func requiredFlag(_ row: Row, _ index: Int, _ issues: inout StoredValueIssues) -> Bool {
        if let value = flag(row, index) { return value }
        issues.note(.missingValue)
        return false
    }
}

extension WorkStore {
    /// Publication years a stored work may have; any other value is read as unknown
    /// (`StoredValueIssues.Kind.yearOutOfRange`). Wide enough for every real record, narrow
    /// enough that windows and per-year tables built from the years stay small.
    public static let plausiblePublicationYears = 1800...2200
}

/// The columns of the `work` table, read from a raw statement with the treatments of
/// `StoredValueIssues`: these feed classification and analysis at ~100k works/s, so they
/// check SQLite's storage class instead of building GRDB values.
extension RawStatement {
    /// `publication_year`: NULL is unknown; anything but an integer in
    /// `WorkStore.plausiblePublicationYears` is unknown too, and counted.
    func publicationYear(_ index: Int32, _ issues: inout StoredValueIssues) -> Int? {
        switch columnType(index) {
        case SQLITE_NULL:
            return nil
        case SQLITE_INTEGER where WorkStore.plausiblePublicationYears.contains(columnInt(index)):
            return columnInt(index)
        default:
            issues.note(.yearOutOfRange)
            return nil
        }
    }

    /// `cited_by_count`: a non-negative integer; negative reads as 0 (counted), anything not
    /// an integer as 0 (counted as missing).
    func citationCount(_ index: Int32, _ issues: inout StoredValueIssues) -> Int {
        guard columnType(index) == SQLITE_INTEGER else {
            issues.note(.missingValue)
            return 0
        }
        let count = columnInt(index)
        if count >= 0 { return count }
        issues.note(.negativeCount)
        return 0
    }

    /// An integer flag (`is_retracted`); anything but an integer reads as false (counted).
    func flag(_ index: Int32, _ issues: inout StoredValueIssues) -> Bool {
        guard columnType(index) == SQLITE_INTEGER else {
            issues.note(.missingValue)
            return false
        }
        return columnInt(index) != 0
    }

    /// Text that must be there; NULL reads as "" (counted). Numbers are written out by SQLite.
    func requiredText(_ index: Int32, _ issues: inout StoredValueIssues) -> String {
        if columnType(index) == SQLITE_NULL { issues.note(.missingValue) }
        return columnText(index)
    }

    /// Text that may be NULL.
    func optionalText(_ index: Int32) -> String? {
        columnType(index) == SQLITE_NULL ? nil : columnText(index)
    }

    /// A newline-separated list (`keywords`, `topics`); NULL reads as empty (counted).
    func requiredLines(_ index: Int32, _ issues: inout StoredValueIssues) -> [String] {
        if columnType(index) == SQLITE_NULL { issues.note(.missingValue) }
        return columnLines(index)
    }

    /// A packed list, decoded by `decode`; NULL, a number or bytes that do not decode read as
    /// an empty list (counted). TEXT is decoded from its bytes, as earlier versions read it.
    func packedList<Element>(
        _ index: Int32, _ issues: inout StoredValueIssues,
        _ decode: ([UInt8]) throws -> [Element]
    ) -> [Element] {
        let type = columnType(index)
        guard type == SQLITE_BLOB || type == SQLITE_TEXT, let list = try? decode(columnBlob(index)) else {
            issues.note(.unreadableList)
            return []
        }
        return list
    }
}
