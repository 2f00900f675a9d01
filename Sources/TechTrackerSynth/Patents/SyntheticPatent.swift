import TechTrackerCore

/// The patent offices the synthetic citing patents come from, with their shares of citations.
enum PatentOffice: Int, Sendable, CaseIterable {
    case unitedStates, europe, china, japan, korea, worldwide

    /// Shares of patent-to-paper citations by office (US patents cite the most papers).
    static let shares: [Double] = [0.34, 0.12, 0.20, 0.10, 0.07, 0.17]

    /// The office code as patent numbers start (`US`, `EP`, …).
    var code: StaticString {
        switch self {
        case .unitedStates: "US"
        case .europe: "EP"
        case .china: "CN"
        case .japan: "JP"
        case .korea: "KR"
        case .worldwide: "WO"
        }
    }
}

/// One synthetic citing patent: a publication year, the technology it belongs to (catalog
/// index, or `SyntheticPatent.noTechnology`) and a serial within those; its office follows from
/// those three. Different patents always have different numbers.
struct SyntheticPatent: Sendable, Hashable {
    let office: PatentOffice
    let year: Int
    let technology: Int
    let serial: Int

    /// The patent of this year, technology and serial, at the office its key draws (by
    /// `PatentOffice.shares`): fixed, so a patent citing several papers is one patent.
    init(year: Int, technology: Int, serial: Int) {
        let key = UInt64(truncatingIfNeeded: year) << 32 | UInt64(technology) << 16 | UInt64(serial)
        let u = Double(SplitMix64.mix(key ^ 0x5F0F_FEE5_0F0F_FEE5) >> 11) * 0x1.0p-53
        self.init(office: Self.office(at: u), year: year, technology: technology, serial: serial)
    }

    /// A patent at a given office (tests use it to see every office's numbers).
    init(office: PatentOffice, year: Int, technology: Int, serial: Int) {
        self.office = office
        self.year = year
        self.technology = technology
        self.serial = serial
    }

    /// The office at position `u` in [0, 1) of the running shares.
    static func office(at u: Double) -> PatentOffice {
        var running = 0.0
        for office in PatentOffice.allCases {
            running += PatentOffice.shares[office.rawValue]
            if u < running { return office }
        }
        return .worldwide
    }

    /// The technology slot of patents citing works in none of the 74.
    static let noTechnology = TechnologyCatalogReference.technologies.count
    /// Technology slots: the 74 and one for works in none.
    static let technologySlots = noTechnology + 1
    /// Serials per year and technology: with `technologySlots`, this fixes how far apart two
    /// years' numbers must be for numbers to stay unique, and it is as large as keeps EP numbers
    /// positive back to 1900. A corpus too large for it has patents citing more papers each.
    static let maximumSerials = 160
    /// Width of one year's block of numbers.
    static let yearBlock = maximumSerials * technologySlots

    /// The number as the office prints it: grant numbers rise through the years from about
    /// their 2003 values (US 6.5 million, EP 1.3 million, CN 100 million, KR 10-0500000),
    /// Japanese and PCT publication numbers start with the year, as real ones do.
    var number: Int {
        let within = serial * Self.technologySlots + technology
        switch office {
        case .unitedStates: return Self.grantBase(anchor: 6_500_000, perYear: 260_000, year: year) + within
        case .europe: return Self.grantBase(anchor: 1_300_000, perYear: 150_000, year: year) + within
        case .china: return Self.grantBase(anchor: 100_000_000, perYear: 850_000, year: year) + within
        case .korea: return Self.grantBase(anchor: 100_500_000, perYear: 80_000, year: year) + within
        case .japan: return year * 1_000_000 + 100_000 + within
        case .worldwide: return year * 1_000_000 + 50_000 + within
        }
    }

    /// The kind code: fixed per patent (a hash of its key), in each office's usual mix.
    var kind: StaticString {
        var mixer = UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(office.rawValue)
        mixer ^= mixer >> 29
        let u = Double(mixer % 1000) / 1000
        switch office {
        case .unitedStates: return u < 0.85 ? "B2" : "B1"
        case .europe: return u < 0.65 ? "A1" : "B1"
        case .china: return u < 0.8 ? "A" : "B"
        case .japan: return "A"
        case .korea: return "B1"
        case .worldwide: return "A1"
        }
    }

    /// Digits the number is padded to (EP numbers have seven, with leading zeros).
    var minimumDigits: Int { office == .europe ? 7 : 1 }

    /// The start of a year's block: from `anchor` in 2003, `perYear` more each later year; one
    /// block less each earlier year, so that years back to 1900 stay positive and distinct.
    static func grantBase(anchor: Int, perYear: Int, year: Int) -> Int {
        year >= 2003 ? anchor + (year - 2003) * perYear : anchor - (2003 - year) * yearBlock
    }

    /// The text of the `patent` column: office-number-kind, e.g. `US-11234567-B2`.
    func write(into sink: inout ByteSink) {
        sink.append(office.code)
        sink.append(byte: 0x2D)
        sink.append(int: number, width: minimumDigits)
        sink.append(byte: 0x2D)
        sink.append(kind)
    }
}
