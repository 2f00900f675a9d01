import ArgumentParser
import TechTrackerTaxonomy

/// `--taxonomy FILE`, shared by the commands that apply technology queries.
struct TaxonomyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A taxonomy YAML file (default: the shipped technologies.yaml).", valueName: "file"))
    var taxonomy: String?

    /// Loads and checks the taxonomy; a bad file is a usage error (exit code 2).
    func load() throws -> Taxonomy {
        do {
            return try Taxonomy.load(path: taxonomy)
        } catch {
            throw UsageFailure("\(error)")
        }
    }
}
