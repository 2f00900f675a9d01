import TechTrackerCore

/// The values an `institution` row holds, with the `updated_date` of the work record they came
/// from, and the order that decides which record's values the row keeps.
///
/// Records are ranked by (has a country, evidence date, name, ROR, country code, type); the
/// largest wins. A record with a country always beats one without (a record that lacks the
/// country must not hide one that has it); among those the newest work record wins; the text
/// values break the remaining ties, so the order is total and the kept values are a pure
/// maximum over every record seen, whatever order they came in. Missing values (NULL) rank
/// below any text, a missing evidence date (rows stored before `v4`) below any date. Text is
/// compared by its UTF-8 bytes, as SQLite's BINARY collation does, so this order and the
/// guard of `InstitutionTable`'s statement agree.
struct InstitutionEvidence: Sendable, Equatable {
    var name: String
    var ror: String?
    var country: String?
    var type: String?
    /// `updated_date` of the work record the values came from; nil for rows stored before
    /// the evidence was kept (ranked oldest).
    var date: String?

    init(name: String, ror: String?, country: String?, type: String?, date: String?) {
        self.name = name
        self.ror = ror
        self.country = country
        self.type = type
        self.date = date
    }

    /// The values `institution` carries in a work record updated on `date`.
    init(_ institution: Institution, date: String) {
        self.init(
            name: institution.name, ror: institution.ror, country: institution.country?.description,
            type: institution.type, date: date)
    }

    /// True when these values rank strictly above `other`'s (equal values never replace).
    func beats(_ other: InstitutionEvidence) -> Bool {
        let hasCountry = country != nil, otherHasCountry = other.country != nil
        if hasCountry != otherHasCountry { return hasCountry }
        // Spelled out rather than looped over an array: this runs for every institution of
        // every work, and an array of pairs would allocate each time.
        var order = UTF8Order.compare(date, other.date)
        if order == 0 { order = UTF8Order.compare(name, other.name) }
        if order == 0 { order = UTF8Order.compare(ror, other.ror) }
        if order == 0 { order = UTF8Order.compare(country, other.country) }
        if order == 0 { order = UTF8Order.compare(type, other.type) }
        return order > 0
    }
}

/// Byte-wise (UTF-8) comparison of text, as SQLite's BINARY collation compares it.
///
/// Swift's `<` on `String` compares canonical equivalents as equal, which SQLite does not;
/// comparing bytes keeps the order total over what is actually stored.
enum UTF8Order {
    /// -1, 0 or 1 as `a` sorts before, with or after `b`.
    static func compare(_ a: String, _ b: String) -> Int {
        var left = a.utf8.makeIterator(), right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?) where x != y: return x < y ? -1 : 1
            default: continue
            }
        }
    }

    /// As `compare(_:_:)`, with NULL (nil) before any text.
    static func compare(_ a: String?, _ b: String?) -> Int {
        switch (a, b) {
        case (nil, nil): 0
        case (nil, _): -1
        case (_, nil): 1
        case let (a?, b?): compare(a, b)
        }
    }
}
