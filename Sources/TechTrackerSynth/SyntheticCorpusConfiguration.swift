/// What to generate: how many works, from which seed, over which years, in how many files.
public struct SyntheticCorpusConfiguration: Sendable, Hashable {
    /// Number of works (records) to write.
    var works: Int
    /// The seed: the same configuration always gives byte-identical files.
    var seed: UInt64
    /// First publication year (the calibration's anchors are 2003 and 2024).
    var fromYear: Int
    /// Last publication year; also the last year of `counts_by_year`.
    var toYear: Int
    /// Number of `part_NNN.gz` files; nil: about 50,000 works per part, at least 2, so both
    /// cores of a small machine work.
    var parts: Int?
    /// gzip level, 1 (fastest, the default) to 9 (smallest).
    var compressionLevel: Int32
    /// Whether to write the synthetic patent-citation file beside the works
    /// (`SyntheticCorpusGenerator.patentCitationsFileName`).
    var patentCitations: Bool
    /// The patent cut-off when it is not the last publication year.
    var patentCutoff: Int?

    /// The default seed (`generate`, `demo` and `bench ingest` read it for their `--seed`).
    public static let defaultSeed: UInt64 = 42
    /// The default first publication year: the calibration's first anchor.
    public static let defaultFromYear = 2003
    /// The default last publication year: the calibration's last anchor.
    public static let defaultToYear = 2024

    /// Makes a configuration; only `works` has no default. `patentCitations` adds the synthetic
    /// patent-citation file, with citing patents up to `patentCutoffYear` (default: `toYear`).
    public init(
        works: Int, seed: UInt64 = defaultSeed, fromYear: Int = defaultFromYear, toYear: Int = defaultToYear,
        parts: Int? = nil, compressionLevel: Int32 = 1, patentCitations: Bool = false, patentCutoffYear: Int? = nil
    ) {
        self.works = works
        self.seed = seed
        self.fromYear = fromYear
        self.toYear = toYear
        self.parts = parts
        self.compressionLevel = compressionLevel
        self.patentCitations = patentCitations
        patentCutoff = patentCutoffYear
    }

    /// The last year of a citing patent in the synthetic patent-citation file: the last
    /// publication year unless set otherwise. Reliance on Science files carry no dates, so the
    /// analysis must be given this year (`ingest-patents --cutoff-year`); windows within five
    /// years of it are "incomplete (patent lag)".
    public var patentCutoffYear: Int { patentCutoff ?? toYear }

    /// The number of part files that will be written.
    var resolvedParts: Int {
        max(1, parts ?? max(2, (works + 49_999) / 50_000))
    }

    /// Throws `SyntheticCorpusError.invalidConfiguration` unless the values make sense.
    public func validate() throws {
        guard works >= 0 else { throw SyntheticCorpusError.invalidConfiguration("works must not be negative") }
        guard works < 1_000_000_000 else {
            throw SyntheticCorpusError.invalidConfiguration("works must be below one billion (id space)")
        }
        guard fromYear <= toYear, toYear - fromYear < 200, fromYear >= 1900, toYear <= 2200 else {
            throw SyntheticCorpusError.invalidConfiguration(
                "years must satisfy 1900 <= fromYear <= toYear <= 2200, span < 200")
        }
        guard (1...9).contains(compressionLevel) else {
            throw SyntheticCorpusError.invalidConfiguration("compressionLevel must be 1...9")
        }
        if let patentCutoff, !(fromYear...2200).contains(patentCutoff) {
            throw SyntheticCorpusError.invalidConfiguration("patentCutoffYear must be fromYear...2200")
        }
        if let parts, !(1...999).contains(parts) {
            throw SyntheticCorpusError.invalidConfiguration("parts must be 1...999")
        }
    }
}

/// Why generation failed.
enum SyntheticCorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// A file or folder could not be created or written.
    case io(String)

    /// A one-line explanation for people.
    var description: String {
        switch self {
        case .invalidConfiguration(let reason): "invalid synthetic corpus configuration: \(reason)"
        case .io(let reason): "cannot write the synthetic corpus: \(reason)"
        }
    }
}
