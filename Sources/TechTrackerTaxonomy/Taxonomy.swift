import Foundation
public import TechTrackerClassify

/// One technology as the taxonomy defines it: who it is, and the query that finds its works.
public struct TechnologyDefinition: Sendable, Hashable {
    /// Stable slug (`quantum-computing`): the key of every stored result.
    public var id: String
    /// Display name.
    public var name: String
    /// One of ASPI's categories.
    public var category: String
    /// What is in and out, in one line.
    public var scope: String
    /// The query as written.
    public var queryText: String
    /// The parsed query.
    public var query: Query
}

/// A set of technology queries (METHOD §6): the shipped `technologies.yaml` or one of the
/// analyst's own, with a content hash that every stored classification records.
public struct Taxonomy: Sendable {
    /// Technologies in file order (the order of reports).
    public var technologies: [TechnologyDefinition]
    /// FNV-1a 64-bit hash of the file's bytes, as 16 hex digits: results computed with another
    /// file are recognised as stale.
    public var contentHash: String
    /// Where it came from: a path, or `built-in`.
    public var source: String

    /// Reads and checks a taxonomy file; `nil` reads the shipped one. A file that cannot be
    /// read says why in words ("no such file: PATH"); text that is not UTF-8 names the line and
    /// column of the first bad byte.
    public static func load(path: String?) throws -> Taxonomy {
        guard let path else { return try parse(yaml: shippedYAML, source: "built-in technologies.yaml") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw TaxonomyError(fileProblem: "no such file", source: path)
        }
        guard !isFolder.boolValue else {
            throw TaxonomyError(fileProblem: "a folder, not a taxonomy file", source: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TaxonomyError(
                fileProblem: FileManager.default.isReadableFile(atPath: path) ? "cannot read" : "permission denied",
                source: path)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let valid = validUTF8Prefix(data)
            let line = valid.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let column = valid.reversed().prefix { $0 != "\n" }.count + 1
            throw TaxonomyError(
                source: path, line: line, column: column, problem: "not UTF-8 text (save the file as UTF-8)")
        }
        return try parse(yaml: text, source: path)
    }

    /// The text before the first byte that is not UTF-8, to place that byte.
    static func validUTF8Prefix(_ data: Data) -> String {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var scalars = String.UnicodeScalarView()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar) }
        return String(scalars)
    }

    /// The shipped taxonomy file's text, built into the binary (no resource bundle to find).
    public static var shippedYAML: String { EmbeddedFiles.technologiesYAML }

    /// The most technologies a taxonomy may define. An analysis holds every technology's
    /// figures for every window and counting until they are stored together (in one
    /// transaction, so that a failed run never leaves a mixture): measured on 20,000 works with
    /// 18 windows and both countings, 1,000 technologies peak at 0.8 GB, 10,000 at 6.3 GB
    /// (10 million country rows), and more countries per window need more.
    public static let maximumTechnologies = 1000

    /// Parses taxonomy YAML: `version: 1` (optional) and `technologies:`, a list of entries with
    /// `id`, `name`, `category`, optional `scope`, and `query`. Every problem names the file,
    /// line and column, the technology, and what is wrong.
    public static func parse(yaml: String, source: String) throws -> Taxonomy {
        let technologies = try TaxonomyFileReader(source: source).read(yaml)
        guard technologies.count <= maximumTechnologies else {
            throw TaxonomyError(
                source: source,
                problem: "defines \(technologies.count) technologies; at most \(maximumTechnologies) "
                    + "are supported (every technology's figures are held in memory during analyze)")
        }
        return Taxonomy(technologies: technologies, contentHash: Self.fnv1a64Hex(Array(yaml.utf8)), source: source)
    }

    /// The technology with this id.
    public func technology(id: String) -> TechnologyDefinition? {
        technologies.first { $0.id == id }
    }

    /// A matcher over every query, in taxonomy order.
    public func makeMatcher() -> CompiledMatcher {
        CompiledMatcher(queries: technologies.map { (id: $0.id, query: $0.query) })
    }

    static func fnv1a64Hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A taxonomy file that cannot be used, and why.
public struct TaxonomyError: Error, Sendable, CustomStringConvertible {
    /// The file (or `built-in technologies.yaml`).
    public var source: String
    /// Line of the problem in the file, when it is about one place.
    public var line: Int?
    /// Column of the problem, when it is about one place.
    public var column: Int?
    /// What is wrong, naming the technology.
    public var problem: String
    /// Whether the file itself could not be read: the message then reads "no such file: PATH".
    public var isAboutFile = false

    /// A problem in the file's content, at `line` and `column` when known.
    public init(source: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.source = source
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// A file that cannot be read at all ("no such file", "permission denied").
    public init(fileProblem: String, source: String) {
        self.init(source: source, problem: fileProblem)
        isAboutFile = true
    }

    /// "no such file: PATH", "PATH:LINE:COLUMN: problem" (editors jump there), or "PATH: problem".
    public var description: String {
        if isAboutFile { return "\(problem): \(source)" }
        guard let line else { return "\(source): \(problem)" }
        return "\(source):\(line):\(column ?? 1): \(problem)"
    }
}
