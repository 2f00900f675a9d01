import GRDB
import GRDBSQLite
public import TechTrackerCore

/// The stored works a patent citation can name, by OpenAlex number and by DOI, built once per
/// `ingest-patents` run so that the tens of millions of rows of a citation file are matched in
/// memory, not by a query each.
///
/// Every work whose source id is `W` and digits is indexed by that number, a work marked as a
/// duplicate of another (`duplicate_of`) included: a citation names the record it names, and
/// the analysis resolves duplicates as it does for references. A DOI names the work that
/// stands for its paper (not a duplicate) if one has it, else the first stored; DOIs are
/// compared in `WorkMatchKey.doi` form. 16 to 32 bytes of memory per work, plus about 100 per
/// DOI when they are indexed.
public struct PatentWorkIndex: Sendable {
    fileprivate var byNumber = WorkNumberTable()
    fileprivate var byDOI: [String: Int64] = [:]

    /// An empty index (no work can be named).
    public init() {}

    /// Works indexed by OpenAlex number.
    public var openAlexWorks: Int { byNumber.count }
    /// Distinct DOIs indexed.
    public var dois: Int { byDOI.count }

    /// The row id of the stored work `work` names, or `nil` when the store has none.
    public func rowID(for work: PatentCitedWork) -> Int64? {
        switch work {
        case .openAlex(let number): byNumber.value(number)
        case .doi(let doi): byDOI[doi]
        }
    }

    /// The row id of the stored OpenAlex work with this number (`W2741809807` → 2741809807).
    public func rowID(openAlexNumber number: UInt64) -> Int64? {
        byNumber.value(number)
    }

    /// The numbers of the indexed OpenAlex works, in increasing order (for a benchmark that
    /// cites them).
    public var openAlexNumbers: [UInt64] { byNumber.keys.sorted() }

    /// Records a work (tests and the store's own read).
    mutating func insert(number: UInt64, rowID: Int64) {
        byNumber.insert(number, rowID)
    }

    mutating func insert(doi: String, rowID: Int64) {
        byDOI[doi] = rowID
    }

    /// The number of an OpenAlex source id (`W` and 1 to 19 digits), else `nil`.
    static func openAlexNumber(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count >= 2, bytes.count <= 20, bytes[0] == UInt8(ascii: "W") else { return nil }
        var value: UInt64 = 0
        for byte in bytes.dropFirst() {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ UInt64(digit)
        }
        return value
    }
}

extension WorkStore {
    /// The index of the stored works a patent citation can name: by OpenAlex number always, by
    /// DOI when `includingDOIs` (only files with a DOI column need it, and normalising every
    /// stored DOI takes a while in a large store).
    public func patentWorkIndex(includingDOIs: Bool) throws -> PatentWorkIndex {
        var index = PatentWorkIndex()
        try database.read { db in
            let ids = try RawStatement(db, sql: "SELECT id, source_id FROM work")
            // Reserved from the count, so that the table is not rebuilt as it grows.
            index.byNumber = WorkNumberTable(capacity: try Int.fetchOne(db, sql: "SELECT count(*) FROM work") ?? 0)
            while try ids.nextRow(db) {
                guard ids.columnType(0) == SQLITE_INTEGER, ids.columnType(1) == SQLITE_TEXT,
                    let number = PatentWorkIndex.openAlexNumber(ids.columnTextBytes(1))
                else { continue }
                index.insert(number: number, rowID: Int64(ids.columnInt(0)))
            }
            guard includingDOIs else { return }
            // Works that stand for their paper first, each group in row order: the first met keeps the DOI.
            let dois = try RawStatement(
                db,
                sql: """
                    SELECT id, doi FROM work WHERE doi IS NOT NULL
                    ORDER BY duplicate_of IS NOT NULL, id
                    """)
            while try dois.nextRow(db) {
                guard dois.columnType(0) == SQLITE_INTEGER, let doi = WorkMatchKey.doi(dois.columnText(1)),
                    index.byDOI[doi] == nil
                else { continue }
                index.insert(doi: doi, rowID: Int64(dois.columnInt(0)))
            }
        }
        return index
    }
}

extension RawStatement {
    /// The bytes of a text column, without a copy: valid only until the next step or reset.
    func columnTextBytes(_ index: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(statement.sqliteStatement, index) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement.sqliteStatement, index)))
    }
}

/// Row ids by OpenAlex number: an open-addressing hash table (linear probing, a multiplicative
/// hash, at most half full), read once per row of a citation file. Several times faster than a
/// `Dictionary`, whose hash (SipHash) cost more than the whole rest of matching a row; a number
/// and its row share a slot, so that a lookup in a table larger than the caches costs one miss.
struct WorkNumberTable: Sendable {
    /// A number (0 for an empty slot: number 0 is kept apart) and its row.
    private struct Slot: Sendable {
        var number: UInt64
        var row: Int64
    }

    private var slots: [Slot]
    /// The row of number 0 (`W0`), which cannot mark a slot.
    private var rowOfZero: Int64?
    private var shift: UInt64
    private(set) var count = 0

    /// A table with room for `capacity` numbers before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size < 2 * max(1, capacity) { size <<= 1 }
        slots = Array(repeating: Slot(number: 0, row: 0), count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    /// The slot where `number`'s search starts (Fibonacci hashing: the top bits of a product).
    private func start(_ number: UInt64) -> Int {
        Int(truncatingIfNeeded: (number &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The row recorded for `number`.
    func value(_ number: UInt64) -> Int64? {
        guard number != 0 else { return rowOfZero }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = start(number)
            while true {
                let found = slots[slot]
                if found.number == number { return found.row }
                if found.number == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Records `row` for `number` (replacing an earlier one).
    mutating func insert(_ number: UInt64, _ row: Int64) {
        guard number != 0 else {
            if rowOfZero == nil { count += 1 }
            rowOfZero = row
            return
        }
        if 2 * (count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = start(number)
        while slots[slot].number != 0 && slots[slot].number != number { slot = (slot + 1) & mask }
        if slots[slot].number == 0 { count += 1 }
        slots[slot] = Slot(number: number, row: row)
    }

    /// The numbers recorded, in no order.
    var keys: [UInt64] {
        slots.compactMap { $0.number == 0 ? nil : $0.number } + (rowOfZero == nil ? [] : [0])
    }

    private mutating func grow() {
        var bigger = WorkNumberTable(capacity: slots.count)
        for slot in slots where slot.number != 0 { bigger.insert(slot.number, slot.row) }
        if let rowOfZero { bigger.insert(0, rowOfZero) }
        self = bigger
    }
}
