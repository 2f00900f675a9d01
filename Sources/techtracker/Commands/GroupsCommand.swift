import ArgumentParser
import TechTrackerCore
import TechTrackerTaxonomy

/// `techtracker groups`: the country groups file, to copy and edit, or the check of one.
struct GroupsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "Print the built-in country groups file, or check a groups file and --group options.",
        discussion: """
            Without options, prints the built-in groups.yaml (EU27, Five Eyes, AUKUS, Quad, G7) with its \
            documentation, so that `techtracker groups > my-groups.yaml` starts a file to edit and pass to \
            `techtracker analyze --groups my-groups.yaml`. With --groups FILE and/or --group, checks them as \
            analyze would and prints the resulting groups, one `name: members` line each, in the order \
            reports list them.
            """
    )

    @OptionGroup var groupOptions: GroupOptions

    func run() throws {
        guard groupOptions.isGiven else {
            // Verbatim, comments included: the copy is the documentation of the format.
            print(try GroupDefinitions.shippedYAML, terminator: "")
            return
        }
        let groups = try groupOptions.resolve()
        for group in groups {
            Console.out("\(group.name): \(group.members.map(\.description).joined(separator: ", "))")
        }
        // On standard error, so that standard output stays the bare list.
        Console.error("\(groups.count) group(s) from \(groupOptions.groupsFile ?? GroupDefinitions.builtInSource)"
            + (groupOptions.group.isEmpty ? "" : " and \(groupOptions.group.count) --group option(s)"))
    }
}

/// `--groups FILE` and `--group NAME=CC,CC,...`, shared by `analyze` (which measures them) and
/// `groups` (which checks and lists them), so that both read them the same way.
struct GroupOptions: ParsableArguments {
    @Option(name: .customLong("groups"),
            help: ArgumentHelp("A groups YAML file measured instead of the built-in groups.yaml (`techtracker groups` prints that file, with its format, to start from).",
                               valueName: "file"))
    var groupsFile: String?

    @Option(name: .customLong("group"),
            help: ArgumentHelp("A group NAME=CC,CC,... of ISO alpha-2 codes, added after the file's groups or replacing the group of that name (repeatable), e.g. --group Nordics=DK,FI,IS,NO,SE.",
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
        do {
            return try GroupDefinitions.resolve(file: groupsFile, options: group)
        } catch let error as GroupDefinitionError where groupsFile != nil && error.source == groupsFile {
            // A located problem starts with file:line:column (editors jump there); the others
            // (no such file, unreadable) name the option instead.
            guard error.line != nil else { throw UsageFailure("--groups \(error)") }
            throw UsageFailure("\(error)\n(--groups FILE expects the format that `techtracker groups` prints and documents)")
        } catch {
            throw UsageFailure("\(error)")
        }
    }
}
