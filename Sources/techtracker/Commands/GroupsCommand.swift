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
            print(GroupDefinitions.shippedYAML, terminator: "")
            return
        }
        let groups = try groupOptions.resolve()
        for group in groups {
            Console.out("\(group.name): \(group.members.map(\.description).joined(separator: ", "))")
        }
        // On standard error, so that standard output stays the bare list.
        Console.error(
            "\(groups.count) group(s) from \(groupOptions.groupsFile ?? GroupDefinitions.builtInSource)"
                + (groupOptions.group.isEmpty ? "" : " and \(groupOptions.group.count) --group option(s)"))
    }
}
