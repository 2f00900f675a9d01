import Foundation
public import TechTrackerCore

/// The country groups (blocs) an analysis measures beside the countries (METHOD §2): the
/// shipped `groups.yaml` (EU27, Five Eyes, AUKUS, Quad, G7), an analyst's own file in the same
/// format, and groups given on the command line as `--group NAME=CC,CC,...`.
///
/// Every list keeps the order it was written in: the file's groups in file order, then the
/// `--group` ones in option order (a `--group` that replaces a group takes its place). Reports
/// list groups in that order, so the analyst decides it; it is deterministic because files and
/// options are.
///
/// Everything is checked before an analysis starts, because a typo in a bloc (`UK` for `GB`)
/// would otherwise give a plausible but wrong figure rather than an error. Problems in a file
/// name `file:line:column`; problems in an option quote the option.
public enum GroupDefinitions {
    /// How the shipped file is named in messages.
    public static let builtInSource = "built-in groups.yaml"

    /// The valid form of `--group`, quoted by every error about one.
    public static let optionForm = "--group NAME=CC,CC,..., e.g. --group Nordics=DK,FI,IS,NO,SE"

    /// Longest group name: reports put names in table columns.
    public static let maximumNameLength = 40

    /// The shipped `groups.yaml`, verbatim (comments included): `techtracker groups` prints it
    /// so that analysts start their own file from a documented copy. Built into the binary (no
    /// resource bundle to find).
    public static var shippedYAML: String { EmbeddedFiles.groupsYAML }

    /// The built-in groups, in file order.
    public static func builtIn() throws -> [CountryGroup] {
        try parse(yaml: shippedYAML, source: builtInSource)
    }

    /// Reads and checks an analyst's groups file (same format as the shipped one).
    public static func load(path: String) throws -> [CountryGroup] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GroupDefinitionError(source: path, problem: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw GroupDefinitionError(source: path, problem: "is a folder, not a groups file")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw GroupDefinitionError(
                source: path, problem: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
        return try parse(yaml: text, source: path)
    }

    /// Parses groups YAML (`groups:` a list of `name`, optional `note`, `members`); `source`
    /// names it in errors. Returns the groups in file order.
    public static func parse(yaml: String, source: String) throws -> [CountryGroup] {
        try GroupFileReader(source: source).read(yaml)
    }

    /// Reads one `--group NAME=CC,CC,...` value. Spaces around the name and the codes are
    /// ignored and codes may be lower-case (`--group "Nordics = dk, fi"`); the name follows the
    /// same rules as in a file.
    public static func parseOption(_ text: String) throws -> CountryGroup {
        func failure(_ problem: String) -> GroupDefinitionError {
            GroupDefinitionError(source: "--group '\(text)'", problem: "\(problem) (expected \(optionForm))")
        }
        guard let equals = text.firstIndex(of: "=") else { throw failure("no '=' between the name and the members") }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        if let problem = nameProblem(name) { throw failure(problem) }
        let list = text[text.index(after: equals)...]
        guard !list.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw failure("group \(name) needs at least one member")
        }
        var members: [CountryCode] = []
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            let code = item.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty else { throw failure("an empty country code (two commas in a row, or one at an end)") }
            switch member(code) {
            case .failure(let problem): throw failure(problem.text)
            case .success(let country):
                guard !members.contains(country) else { throw failure("group \(name) lists \(country) twice") }
                members.append(country)
            }
        }
        return CountryGroup(name: name, members: members)
    }

    /// The groups an analysis measures: those of `file` (the built-in file when `nil`), then
    /// each `--group` in order. A `--group` whose name is already used (ignoring case) replaces
    /// that group in place, so editing one bloc does not need a file; two `--group` with the
    /// same name are refused, since one of them would be silently lost.
    public static func resolve(file: String?, options: [String]) throws -> [CountryGroup] {
        var groups = try file.map(load(path:)) ?? builtIn()
        var given: [String: String] = [:]
        for option in options {
            let group = try parseOption(option)
            let key = nameKey(group.name)
            if let earlier = given[key] {
                throw GroupDefinitionError(
                    source: "--group '\(option)'",
                    problem: "the name \(group.name) is already given by --group '\(earlier)'")
            }
            given[key] = option
            if let index = groups.firstIndex(where: { nameKey($0.name) == key }) {
                groups[index] = group
            } else {
                groups.append(group)
            }
        }
        return groups
    }

    /// Why `name` cannot name a group, or `nil` when it can. Two letters are refused because a
    /// group and a country share the rows of results and exports: `EU` beside `ES` would read
    /// as a country. Other two-character names (`G7`) are fine.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "a group needs a name" }
        if name.unicodeScalars.contains(where: {
            CharacterSet.controlCharacters.contains($0) || CharacterSet.newlines.contains($0)
        }) {
            return "the name '\(name)' must be one line of text"
        }
        if name.trimmingCharacters(in: .whitespaces) != name {
            return "the name '\(name)' must not start or end with a space"
        }
        if name.count == 2, name.unicodeScalars.allSatisfy({ $0.isASCII && CharacterSet.letters.contains($0) }) {
            return "the name '\(name)' is two letters and would read as a country code; use e.g. '\(name) bloc'"
        }
        guard (2...maximumNameLength).contains(name.count) else {
            return "the name '\(name)' must be 2 to \(maximumNameLength) characters (it has \(name.count))"
        }
        return nil
    }

    /// Names are unique ignoring case: `EU27` and `eu27` in one report would be two rows that
    /// look like one group.
    static func nameKey(_ name: String) -> String { name.lowercased() }

    /// A member code as written, checked: two ASCII letters (either case) forming an assigned
    /// ISO 3166-1 alpha-2 code, or XK (Kosovo, as OpenAlex records it). The usual slips get
    /// their correction, since `UK` or `EL` would otherwise match no work at all.
    static func member(_ text: String) -> Result<CountryCode, MemberProblem> {
        let upper = text.uppercased()
        if let hint = ISOCountryCodes.hints[upper] {
            return .failure(MemberProblem(text: "'\(text)' is not an ISO 3166-1 alpha-2 country code: \(hint)"))
        }
        guard text.utf8.count == 2, let country = CountryCode(text) else {
            return .failure(
                MemberProblem(text: "'\(text)' is not a two-letter country code (ISO 3166-1 alpha-2, e.g. FR)"))
        }
        guard ISOCountryCodes.assigned.contains(country.description) else {
            return .failure(MemberProblem(text: "'\(text)' is not an assigned ISO 3166-1 alpha-2 country code"))
        }
        return .success(country)
    }

    /// Why a member code was refused (an `Error` so that it can travel in a `Result`).
    struct MemberProblem: Error {
        var text: String
    }
}

/// A groups file or `--group` option that cannot be used, and why.
public struct GroupDefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or `built-in groups.yaml`), or the option as given (`--group 'EU=FR,DE'`).
    public var source: String
    /// Line of the problem in the file, from 1; `nil` for options and whole-file problems.
    public var line: Int?
    /// Column of the problem in the file, from 1 (counted in Unicode scalars, as the YAML
    /// parser counts); `nil` when `line` is.
    public var column: Int?
    /// What is wrong, in words.
    public var problem: String

    /// Makes an error; `line` and `column` locate it in a file.
    public init(source: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.source = source
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `my-groups.yaml:4:15: problem`, the form editors and terminals jump to, or
    /// `--group 'X': problem`.
    public var description: String {
        guard let line else { return "\(source): \(problem)" }
        return "\(source):\(line):\(column ?? 1): \(problem)"
    }
}
