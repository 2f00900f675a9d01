import Foundation
import TechTrackerCore
import Yams

/// Reads a groups file node by node rather than with `YAMLDecoder`, for three reasons: every
/// problem can then name the line and column of the offending node (a `DecodingError` only
/// gives a coding path); unknown keys can be refused (a decoder ignores them, so `member:` for
/// `members:` would pass unnoticed); and member codes are read as written, so Norway's `NO`
/// stays a country instead of YAML 1.1's `false`.
struct GroupFileReader {
    /// The file as messages name it.
    let source: String

    /// Keys of the top-level mapping.
    static let topKeys = ["version", "groups"]
    /// Keys of one group.
    static let groupKeys = ["name", "note", "members"]

    /// The groups of `yaml`, in file order, or the first problem found.
    func read(_ yaml: String) throws -> [CountryGroup] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, in: yaml)
        }
        guard let root else {
            throw failure(nil, "defines no groups (expected 'groups:' followed by a list of groups)")
        }
        guard case .mapping(let top) = root else {
            throw failure(root.mark, "expected 'groups:' at the top of the file, followed by a list of groups")
        }
        var groupsNode: Node?
        for (key, value) in top {
            switch try keyName(key) {
            case "version":
                guard value.scalar?.string == "1" else { throw failure(value.mark, "version must be 1") }
            case "groups":
                groupsNode = value
            case let other:
                throw failure(key.mark, "unknown key '\(other)' (expected \(Self.topKeys.joined(separator: " or ")))")
            }
        }
        guard let groupsNode else { throw failure(top.mark, "no 'groups:' list") }
        guard case .sequence(let entries) = groupsNode else {
            throw failure(groupsNode.mark, "'groups' must be a list of groups, each starting with '- name:'")
        }
        guard !entries.isEmpty else {
            throw failure(groupsNode.mark, "defines no groups (to measure none, use --no-groups)")
        }
        var groups: [CountryGroup] = []
        var firstLine: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let (group, nameMark) = try readGroup(entry, number: index + 1)
            let key = GroupDefinitions.nameKey(group.name)
            if let line = firstLine[key] {
                throw failure(nameMark, "the group name \(group.name) is already used at line \(line)")
            }
            firstLine[key] = nameMark?.line ?? 0
            groups.append(group)
        }
        return groups
    }

    /// One list entry: a mapping of `name`, optional `note` and `members`. Returns the group
    /// and where its name is, for the duplicate-name message.
    private func readGroup(_ entry: Node, number: Int) throws -> (CountryGroup, Mark?) {
        guard case .mapping(let mapping) = entry else {
            throw failure(entry.mark, "group \(number) must be a mapping with name, note and members")
        }
        var nameNode: Node?
        var membersNode: Node?
        for (key, value) in mapping {
            switch try keyName(key) {
            case "name": nameNode = value
            case "members": membersNode = value
            case "note":
                guard value.scalar != nil else { throw failure(value.mark, "the note must be one line of text") }
            case let other:
                throw failure(
                    key.mark,
                    "unknown key '\(other)' in group \(number) (expected \(Self.groupKeys.joined(separator: ", ")))")
            }
        }
        guard let nameNode, let name = text(of: nameNode) else {
            throw failure(nameNode?.mark ?? mapping.mark, "group \(number) needs a name")
        }
        if let problem = GroupDefinitions.nameProblem(name) { throw failure(nameNode.mark, problem) }
        guard let membersNode else {
            throw failure(mapping.mark, "group \(name) needs members, e.g. members: [AU, GB, US]")
        }
        guard case .sequence(let codes) = membersNode else {
            throw failure(membersNode.mark, "members of \(name) must be a list of country codes, e.g. [AU, GB, US]")
        }
        guard !codes.isEmpty else { throw failure(membersNode.mark, "group \(name) needs at least one member") }
        var members: [CountryCode] = []
        for codeNode in codes {
            guard let code = text(of: codeNode) else {
                throw failure(codeNode.mark, "members of \(name) must be two-letter country codes, one per list item")
            }
            switch GroupDefinitions.member(code) {
            case .failure(let problem): throw failure(codeNode.mark, "group \(name): \(problem.text)")
            case .success(let country):
                guard !members.contains(country) else {
                    throw failure(codeNode.mark, "group \(name) lists \(country) twice")
                }
                members.append(country)
            }
        }
        return (CountryGroup(name: name, members: members), nameNode.mark)
    }

    /// A mapping key as text; keys are plain words in this format.
    private func keyName(_ key: Node) throws -> String {
        guard let name = key.scalar?.string else {
            throw failure(key.mark, "keys must be plain words such as name or members")
        }
        return name
    }

    /// A scalar's text exactly as written (no YAML 1.1 booleans), or `nil` for an empty value
    /// (`name:` with nothing after it, or `~`) and for lists and mappings.
    private func text(of node: Node) -> String? {
        node.scalar.flatMap(YAMLScalarText.text(of:))
    }

    /// An error at `mark` (or about the whole file).
    private func failure(_ mark: Mark?, _ problem: String) -> GroupDefinitionError {
        GroupDefinitionError(source: source, line: mark?.line, column: mark?.column, problem: problem)
    }

    /// A YAML syntax error in words, at its line and column (`YAMLSyntaxError`).
    private func syntaxError(_ error: YamlError, in yaml: String) -> GroupDefinitionError {
        let (line, column, problem) = YAMLSyntaxError.describe(error, in: yaml)
        return GroupDefinitionError(source: source, line: line, column: column, problem: problem)
    }
}

/// ISO 3166-1 alpha-2: the codes a group member may use.
enum ISOCountryCodes {
    /// The 249 officially assigned codes, plus XK (Kosovo, a user-assigned code that OpenAlex
    /// and the EU use).
    static let assigned: Set<String> = Set(
        """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET \
        FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU \
        ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY \
        MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM \
        PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW \
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ \
        UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))

    /// Codes people write that the data never uses, with the correction.
    static let hints: [String: String] = [
        "UK": "the United Kingdom is GB",
        "EL": "Greece is GR (EL is the EU's own abbreviation; OpenAlex uses GR)",
        "EU": "the EU is not a country; list its member states (the built-in EU27 does)",
    ]
}
