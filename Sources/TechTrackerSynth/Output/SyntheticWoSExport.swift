import TechTrackerCore

/// A Web of Science tab-delimited export of invented records, for measuring how fast exports
/// are read (`techtracker bench exports`). The layout is the database's (the header of field
/// tags, UTF-8 with a byte order mark, CRLF, no quoting); the records are SYNTHETIC: invented
/// authors, organisations and titles, with the field sizes of real records (a few authors, two
/// to four addresses with author groups, about 35 cited references, most with a DOI).
public enum SyntheticWoSExport {
    /// The columns, in the order Web of Science writes them.
    static let columns = [
        "PT", "AU", "BA", "BE", "GP", "AF", "BF", "CA", "TI", "SO", "SE", "BS", "LA", "DT", "CT", "CY", "CL", "SP",
        "HO", "DE", "ID", "AB", "C1", "C3", "RP", "EM", "RI", "OI", "FU", "FP", "FX", "CR", "NR", "TC", "Z9", "U1",
        "U2", "PU", "PI", "PA", "SN", "EI", "BN", "J9", "JI", "PD", "PY", "VL", "IS", "PN", "SU", "SI", "MA", "BP",
        "EP", "AR", "DI", "DL", "D2", "EA", "PG", "WC", "WE", "SC", "GA", "PM", "OA", "HC", "HP", "DA", "UT",
    ]

    static let words = [
        "quantum", "lattice", "coherent", "sensor", "network", "adaptive", "learning", "battery", "cathode",
        "photonic", "control", "robust", "signal", "detection", "graphene", "spin", "thermal", "model", "neural",
        "energy", "wireless", "array", "imaging", "hybrid", "catalyst", "membrane", "vehicle", "autonomous",
    ]
    static let surnames = [
        "Quill", "Marlowe", "Fenwick", "Ashdown", "Birch", "Calloway", "Dunmore", "Everly", "Fairbanks", "Galloway",
        "Hartwell", "Ingram", "Jessop", "Kendrick", "Lockwood", "Merriweather", "Northcott", "Oakley",
    ]
    static let addresses = [
        ("Univ Nowhere", "Springfield, IL 62701 USA"), ("Fictional Inst Technol", "Beijing 100084, Peoples R China"),
        ("Imaginary Univ", "Oxford OX1 3PU, England"), ("Pretend Acad Sci", "Tokyo 1130033, Japan"),
        ("Invented Tech Univ", "Munich 80333, Germany"), ("Utopia Natl Univ", "Taipei 10617, Taiwan"),
        ("Mock Univ", "Seoul 08826, South Korea"), ("Sample Inst", "Bangalore 560012, India"),
    ]

    /// `records` records from `seed`, as the export's bytes.
    public static func tabDelimited(records: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var text = "\u{FEFF}" + columns.joined(separator: "\t") + "\r\n"
        text.reserveCapacity(records * 4096)
        for index in 0..<records {
            let fields = record(index, &random)
            text += columns.map { fields[$0] ?? "" }.joined(separator: "\t") + "\r\n"
        }
        return Array(text.utf8)
    }

    private static func pick<T>(_ list: [T], _ random: inout SplitMix64) -> T {
        list[Int(random.next() % UInt64(list.count))]
    }

    private static func phrase(_ count: Int, _ random: inout SplitMix64) -> String {
        (0..<count).map { _ in pick(words, &random) }.joined(separator: " ")
    }

    private static func record(_ index: Int, _ random: inout SplitMix64) -> [String: String] {
        let authorCount = 2 + Int(random.next() % 6)
        let authors = (0..<authorCount).map { _ in
            (pick(surnames, &random), String(UnicodeScalar(UInt8(65 + random.next() % 26))))
        }
        let fullNames = authors.map { "\($0.0), \($0.1)lex" }
        var groups: [String] = []
        let addressCount = min(authorCount, 2 + Int(random.next() % 3))
        for group in 0..<addressCount {
            let members = fullNames.enumerated().filter { $0.offset % addressCount == group }.map(\.element)
            let (organisation, place) = pick(addresses, &random)
            groups.append("[\(members.joined(separator: "; "))] \(organisation), Dept Phys, \(place)")
        }
        let references = (0..<(25 + Int(random.next() % 20))).map { reference in
            let year = 1990 + Int(random.next() % 34)
            let base =
                "\(pick(surnames, &random)) \(pick(["A", "B", "J"], &random)), \(year), J INVENTED PHYS, V\(reference)"
            return random.next() % 10 < 7
                ? base + ", P\(reference * 3), DOI 10.5555/jip.\(year).\(random.next() % 100_000)" : base
        }
        let year = 2015 + Int(random.next() % 10)
        return [
            "PT": "J", "AU": authors.map { "\($0.0), \($0.1)" }.joined(separator: "; "),
            "AF": fullNames.joined(separator: "; "), "TI": phrase(12, &random), "SO": "JOURNAL OF INVENTED PHYSICS",
            "LA": "English", "DT": random.next() % 10 == 0 ? "Review" : "Article",
            "DE": (0..<5).map { _ in phrase(2, &random) }.joined(separator: "; "),
            "ID": (0..<5).map { _ in phrase(2, &random) }.joined(separator: "; "), "AB": phrase(180, &random),
            "C1": groups.joined(separator: "; "), "RP": "\(fullNames[0]) (corresponding author), \(groups[0])",
            "CR": references.joined(separator: "; "), "NR": String(references.count),
            "TC": String(random.next() % 200), "Z9": String(random.next() % 220), "PU": "INVENTED PRESS",
            "SN": "0000-0000", "J9": "J INVENTED PHYS", "PY": String(year), "VL": String(year - 1990),
            "BP": String(index % 900 + 1), "DI": "10.5555/synthetic.\(index)", "WC": "Physics, Applied",
            "SC": "Physics", "DA": "2025-01-17", "UT": "WOS:9\(String(100_000_000_000_000 + index).dropFirst())",
        ]
    }
}
