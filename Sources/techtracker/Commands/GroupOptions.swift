import ArgumentParser
import TechTrackerCore
import TechTrackerTaxonomy

/// `--groups FILE` and `--group NAME=CC,CC,...`, shared by `analyze` (which measures them) and
/// `groups` (which checks and lists them), so that both read them the same way.
struct GroupOptions: ParsableArguments {
    @Option(
        name: .customLong("groups"),
        help: ArgumentHelp(
            "A groups YAML file measured instead of the built-in groups.yaml "
                + "(`techtracker groups` prints that file, with its format, to start from).",
            valueName: "file"))
    var groupsFile: String?

    @Option(
        name: .customLong("group"),
        help: ArgumentHelp(
            "A group NAME=CC,CC,... of ISO alpha-2 codes, added after the file's groups "
                + "or replacing the group of that name (repeatable), e.g. --group Nordics=DK,FI,IS,NO,SE.",
            valueName: "name=cc,..."))
    var group: [String] = []

    /// Whether either option was given.
    var isGiven: Bool { groupsFile != nil || !group.isEmpty }

    /// Malformed `--group` values are usage errors, found before anything is read.
    func validate() throws {
        for option in group {
            do {
                _ = try GroupDefinitions.parseOption(option)
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }

    /// The groups: the file's (or the built-in ones), then the `--group` ones. A bad file or a
    /// name given twice is a usage error (exit code 2) with where and what.
    func resolve() throws -> [CountryGroup] {
        try Self.resolve(file: groupsFile, options: group)
    }

    /// The groups of `file` (`nil`: the built-in ones) and `options`, as `--groups` and
    /// `--group` give them: the demo measures the built-in ones through here, as `analyze` does.
    static func resolve(file groupsFile: String?, options group: [String]) throws -> [CountryGroup] {
        do {
            return try GroupDefinitions.resolve(file: groupsFile, options: group)
        } catch let error as GroupDefinitionError where groupsFile != nil && error.source == groupsFile {
            // A located problem starts with file:line:column (editors jump there); the others
            // (no such file, unreadable) name the option instead.
            guard error.line != nil else { throw UsageFailure("--groups \(error)") }
            throw UsageFailure(
                "\(error)\n(--groups FILE expects the format that `techtracker groups` prints and documents)")
        } catch {
            throw UsageFailure("\(error)")
        }
    }
}
