import Foundation
import GRDBSQLite

/// Reads a store file directly with SQLite, read-only: what the tests check about a store (its
/// integrity, its rows) without the store module, so that they see the file as any SQLite
/// client would, whatever the command line did to it.
enum StoreProbe {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The first column of the first row of `sql`, as text.
    static func value(_ sql: String, in path: String) throws -> String {
        var database: OpaquePointer?
        defer { sqlite3_close(database) }
        guard sqlite3_open_v2(path, &database, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw Failure(description: "cannot open \(path): \(String(cString: sqlite3_errmsg(database)))")
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(database)))")
        }
        guard sqlite3_step(statement) == SQLITE_ROW, let text = sqlite3_column_text(statement, 0) else {
            throw Failure(description: "\(sql): no row")
        }
        return String(cString: text)
    }

    /// The first column of every row of `sql`, as text.
    static func values(_ sql: String, in path: String) throws -> [String] {
        var database: OpaquePointer?
        defer { sqlite3_close(database) }
        guard sqlite3_open_v2(path, &database, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw Failure(description: "cannot open \(path): \(String(cString: sqlite3_errmsg(database)))")
        }
        var statement: OpaquePointer?
        defer { sqlite3_finalize(statement) }
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(database)))")
        }
        var values: [String] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            values.append(sqlite3_column_text(statement, 0).map { String(cString: $0) } ?? "")
        }
        return values
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    static func integrity(_ path: String) throws -> String {
        try value("PRAGMA integrity_check", in: path)
    }

    /// The integer result of `sql`.
    static func count(_ sql: String, in path: String) throws -> Int {
        let text = try value(sql, in: path)
        guard let number = Int(text) else { throw Failure(description: "\(sql): '\(text)' is not a number") }
        return number
    }
}
