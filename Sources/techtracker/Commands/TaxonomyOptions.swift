import ArgumentParser
import TechTrackerTaxonomy

/// `--taxonomy FILE`, shared by the commands that apply technology queries.
struct TaxonomyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A taxonomy YAML file (default: the shipped technologies.yaml).", valueName: "file"))
    var taxonomy: String?

    /// Loads and checks the taxonomy; a bad file is a usage error (exit code 2).
    func load() throws -> Taxonomy {
        try Self.load(path: taxonomy)
    }

    /// Loads and checks the taxonomy at `path` (`nil`: the shipped one), as `--taxonomy` does.
    static func load(path: String?) throws -> Taxonomy {
        do {
            return try Taxonomy.load(path: path)
        } catch {
            throw UsageFailure("\(error)")
        }
    }
}
