import GRDB
import TechTrackerCore

/// Keeps the `institution` table at the best values seen for each id (`InstitutionEvidence`
/// gives the order), whatever order the records arrive in.
///
/// The best values per id are held in memory, read from the table on first use, so that an
/// institution occurrence costs a dictionary lookup and a comparison; a statement runs only
/// when an incoming record beats the best known one. The statement checks the same order
/// again in SQL, so the table can never move to a worse record even if this memory were
/// stale.
final class InstitutionTable {
    private let db: Database
    private let write: RawStatement
    /// Best values per institution id, as stored; nil until first use or after a rollback.
    private var best: [String: InstitutionEvidence]?

    /// The ranking key of `InstitutionEvidence` in SQL, for the row `table` (`excluded` for
    /// the incoming values): NULLs are mapped so they sort first, as in Swift.
    private static func key(_ table: String) -> String {
        """
        (\(table).country_code IS NOT NULL, \(table).evidence_date IS NOT NULL, IFNULL(\(table).evidence_date, ''), \
        \(table).name, \(table).ror IS NOT NULL, IFNULL(\(table).ror, ''), IFNULL(\(table).country_code, ''), \
        \(table).type IS NOT NULL, IFNULL(\(table).type, ''))
        """
    }

    init(_ db: Database) throws {
        self.db = db
        write = try RawStatement(
            db,
            sql: """
                INSERT INTO institution (id, name, ror, country_code, type, evidence_date)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, ror = excluded.ror,
                    country_code = excluded.country_code, type = excluded.type, evidence_date = excluded.evidence_date
                WHERE \(Self.key("excluded")) > \(Self.key("institution"))
                """)
    }

    /// Offers the institutions of a work record updated on `date`; each is written only if
    /// it beats the values stored for its id.
    func offer(_ institutions: [Institution], date: String) throws {
        guard !institutions.isEmpty else { return }
        var best = try loaded()
        // Moved out of `self` while it changes, so that the dictionary is not copied on write.
        self.best = nil
        var stale = false
        defer { self.best = stale ? nil : best }
        for institution in institutions {
            let known = best[institution.id]
            if let known, !Self.mayBeat(institution, date: date, known) { continue }
            let incoming = InstitutionEvidence(institution, date: date)
            if let known, !incoming.beats(known) { continue }
            write.reset()
            write.bind(1, institution.id)
            write.bind(2, incoming.name)
            write.bind(3, incoming.ror)
            write.bind(4, incoming.country)
            write.bind(5, incoming.type)
            write.bind(6, incoming.date)
            try write.run(db)
            if db.changesCount > 0 {
                best[institution.id] = incoming
            } else {
                // The stored row beat what memory held for it: memory was stale (it is read
                // again on next use); the table itself is right, the guard saw to that.
                stale = true
            }
        }
    }

    /// Drops the in-memory best values, to be read again from the table on next use: after a
    /// rolled-back transaction the table no longer holds what this memory says was written.
    func forget() {
        best = nil
    }

    /// The first two keys of the order (has a country, date), which settle nearly every
    /// comparison without building the incoming values: false when the record cannot win.
    private static func mayBeat(_ institution: Institution, date: String, _ known: InstitutionEvidence) -> Bool {
        let hasCountry = institution.country != nil
        if hasCountry != (known.country != nil) { return hasCountry }
        return UTF8Order.compare(date, known.date) >= 0
    }

    private func loaded() throws -> [String: InstitutionEvidence] {
        if let best { return best }
        var values: [String: InstitutionEvidence] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, name, ror, country_code, type, evidence_date FROM institution")
        while let row = try rows.next() {
            values[row[0]] = InstitutionEvidence(name: row[1], ror: row[2], country: row[3], type: row[4], date: row[5])
        }
        return values
    }
}
