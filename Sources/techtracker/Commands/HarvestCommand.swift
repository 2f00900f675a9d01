import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import TechTrackerClassify
import TechTrackerHarvest
import TechTrackerPresent
import TechTrackerTaxonomy

/// `techtracker harvest`: a real corpus from the OpenAlex API for the chosen technologies.
struct HarvestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Fetch the works of technologies from the OpenAlex API into a folder that ingest reads.",
        discussion: """
            Each technology's query becomes OpenAlex searches that find at least every work the query matches \
            on its title and abstract: AND, OR, words and phrases carry over; a truncated word stays a prefix \
            search (inside a phrase the phrase falls apart into AND); NEAR becomes AND; a NOT is kept only \
            where OpenAlex can search its excluded part exactly. Searches too long for one URL are split into \
            several requests. Works whose match is only in their keywords or topics cannot be searched for on \
            OpenAlex. Pages (200 works) are written as OUT_DIR/works/TECHNOLOGY/partN-pageNNNNNN.jsonl.gz, one \
            work per line as the API sent it, and recorded in OUT_DIR/harvest-checkpoint.json: run the same \
            command again to continue an interrupted harvest (other arguments on the same folder are refused). \
            At the end every work is classified with the exact queries and a table says, per technology, the \
            works retrieved, those its query matches and the precision of the search. Then: techtracker \
            ingest OUT_DIR.
            """
    )

    @Option(
        name: .customLong("technology"),
        help: ArgumentHelp("A technology id to harvest (repeatable, or comma-separated).", valueName: "id"))
    var technologies: [String] = []

    @Flag(help: "Harvest every technology of the taxonomy.")
    var all = false

    @OptionGroup var taxonomyOptions: TaxonomyOptions

    @Option(
        parsing: .unconditional,
        help: "First publication year (\(OptionRange.text(OptionRange.years)); default: no lower bound).")
    var from: Int?

    @Option(
        parsing: .unconditional,
        help: "Last publication year (\(OptionRange.text(OptionRange.years)); default: no upper bound).")
    var to: Int?

    @Option(
        help: ArgumentHelp(
            "Work types, comma-separated: OpenAlex's, and proceedings-paper, which OpenAlex types article "
                + "(default: \(Self.defaultTypes.joined(separator: ",")); an empty list: every type).",
            valueName: "types"))
    var types: String?

    @Option(help: ArgumentHelp("A contact e-mail address for OpenAlex (its mailto parameter).", valueName: "address"))
    var mailto: String?

    @Option(
        name: .customLong("api-key"),
        help: ArgumentHelp(
            "An OpenAlex API key (default: the OPENALEX_API_KEY environment variable); never printed.",
            valueName: "key"))
    var apiKey: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The API's address.", valueName: "url"))
    var baseURL = HarvestPlan.defaultBaseURL

    @Option(
        name: .customLong("requests-per-second"), parsing: .unconditional,
        help: ArgumentHelp(
            "Requests started per second at most, retries included "
                + "(\(OptionRange.text(OptionRange.requestsPerSecond)); default 10, OpenAlex's polite limit).",
            valueName: "r"))
    var requestsPerSecond: Double?

    @Option(
        name: .customLong("max-retries"), parsing: .unconditional,
        help: ArgumentHelp(
            "Retries of a request on 429, 403, 5xx, timeouts and broken connections "
                + "(\(OptionRange.text(OptionRange.maxRetries))).",
            valueName: "n"))
    var maxRetries = RetryPolicy.defaultMaximumRetries

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The longest one request may take, in seconds (\(OptionRange.text(OptionRange.timeout)); default 60).",
            valueName: "seconds"))
    var timeout: Double?

    @Option(
        name: .customLong("per-page"), parsing: .unconditional,
        help: ArgumentHelp(
            "Works per page (\(OptionRange.text(OptionRange.perPage))).",
            valueName: "n"))
    var perPage = HarvestFilters.largestPage

    @Flag(
        name: .customLong("full-text"),
        help: """
            Search full texts too (OpenAlex's search.exact): finds some works whose match is only in their \
            keywords or topics, retrieves many more others, and drops every NOT.
            """)
    var fullText = false

    @Flag(
        help: ArgumentHelp(
            "Search OpenAlex's stemmed index instead of the unstemmed one (a fallback should OpenAlex refuse "
                + "the unstemmed forms): other forms of words match too, a prefix search may miss words the "
                + "stemmer rewrites (batteries is indexed as battery), and every NOT is dropped."))
    var stemmed = false

    @Flag(name: .customLong("dry-run"), help: "Print the requests (no key) and stop: nothing is fetched or written.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @Argument(help: ArgumentHelp("The folder the pages and the checkpoint go in.", valueName: "out_dir"))
    var outDir: String

    /// The types asked for by default: those `analyze` keeps.
    static let defaultTypes = ["article", "review", "proceedings-paper"]

    /// `--technology` values, comma-separated ones split.
    var technologyIDs: [String] {
        technologies.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }

    /// `--types` as OpenAlex types.
    var openAlexTypes: [String] {
        let names = (types ?? Self.defaultTypes.joined(separator: ",")).split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        return WorkTypeFilter.openAlexTypes(for: names).types
    }

    /// The key: the option, else the environment.
    var key: String? {
        if let apiKey { return apiKey.isEmpty ? nil : apiKey }
        let fromEnvironment = ProcessInfo.processInfo.environment["OPENALEX_API_KEY"] ?? ""
        return fromEnvironment.isEmpty ? nil : fromEnvironment
    }

    func validate() throws {
        guard all != !technologyIDs.isEmpty else {
            throw ValidationError(
                all
                    ? "--all harvests every technology; drop --technology or --all"
                    : "name the technologies to harvest with --technology ID (repeatable), or give --all")
        }
        try OptionRange.check(from, OptionRange.years, option: "--from")
        try OptionRange.check(to, OptionRange.years, option: "--to")
        if let from, let to, from > to { throw ValidationError("--from must not be after --to") }
        try OptionRange.check(requestsPerSecond, OptionRange.requestsPerSecond, option: "--requests-per-second")
        try OptionRange.check(maxRetries, OptionRange.maxRetries, option: "--max-retries")
        try OptionRange.check(timeout, OptionRange.timeout, option: "--timeout")
        try OptionRange.check(perPage, OptionRange.perPage, option: "--per-page")
        if let types {
            let names = types.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let unknown = WorkTypeFilter.openAlexTypes(for: names.filter { !$0.isEmpty }).unknown.first {
                throw ValidationError(
                    "--types: '\(unknown)' is not an OpenAlex work type; "
                        + CloseMatches.hint(for: unknown, among: WorkTypeFilter.acceptedNames))
            }
        }
        if let mailto, mailto.isEmpty || mailto.utf8.count * 3 > HarvestPlan.longestMailto {
            throw ValidationError("--mailto must be an e-mail address of at most 85 characters")
        }
        if let key, key.utf8.count * 3 > HarvestPlan.longestAPIKey {
            throw ValidationError("the API key is longer than 42 characters; check --api-key or OPENALEX_API_KEY")
        }
    }

    func run() throws {
        let taxonomy = try taxonomyOptions.load()
        let chosen = try chosenTechnologies(in: taxonomy)
        let plan: HarvestPlan
        do {
            plan = try HarvestPlan(
                technologies: chosen.map { (id: $0.id, query: $0.query) },
                filters: HarvestFilters(fromYear: from, toYear: to, types: openAlexTypes, perPage: perPage),
                baseURL: baseURL, options: SearchOptions(fullText: fullText, stemmed: stemmed))
        } catch {
            throw UsageFailure("\(error)")
        }
        if dryRun {
            Console.out(HarvestReport.plan(plan, mailto: mailto, hasAPIKey: key != nil))
            return
        }
        var retry = RetryPolicy()
        retry.maximumRetries = maxRetries
        let run = HarvestRun(
            plan: plan, folder: outDir,
            connection: HarvestConnection(
                mailto: mailto, apiKey: key,
                requestsPerSecond: requestsPerSecond ?? HarvestConnection.defaultRequestsPerSecond,
                timeout: timeout ?? HarvestConnection.defaultTimeout, retry: retry))
        let outcome = try Self.runUntilDone(run, progress: HarvestProgress(quiet: quiet, folder: outDir))
        guard outcome.isComplete else {
            let checkpoint = outcome.checkpoint
            throw CommandFailure(
                "harvest interrupted: \(checkpoint.requestsDone) of \(checkpoint.requests.count) requests and "
                    + "\(checkpoint.pages) pages done in \(outDir); run the same command again to continue")
        }
        let summary: HarvestSummary
        do {
            summary = try HarvestSummary.read(
                folder: outDir, checkpoint: outcome.checkpoint,
                technologies: chosen.map { (id: $0.id, query: $0.query) })
        } catch {
            throw CommandFailure("\(error)")
        }
        Console.out(HarvestReport.render(summary, outcome: outcome, folder: outDir))
    }

    /// The technologies asked for, in taxonomy order; an unknown id is refused with close matches.
    func chosenTechnologies(in taxonomy: Taxonomy) throws -> [TechnologyDefinition] {
        if all { return taxonomy.technologies }
        let ids = taxonomy.technologies.map(\.id)
        for id in technologyIDs where !ids.contains(id) {
            throw UsageFailure("unknown technology '\(id)'; \(CloseMatches.hint(for: id, among: ids))")
        }
        let wanted = Set(technologyIDs)
        return taxonomy.technologies.filter { wanted.contains($0.id) }
    }

    /// Runs the harvest on Swift concurrency's threads until it ends; the first Ctrl-C (SIGINT)
    /// stops it between two steps, leaving the folder ready to continue (a second one kills).
    static func runUntilDone(_ run: HarvestRun, progress: HarvestProgress) throws -> HarvestOutcome {
        let result = Mutex<Result<HarvestOutcome, HarvestError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task {
            let outcome: Result<HarvestOutcome, HarvestError>
            do throws(HarvestError) {
                outcome = .success(try await run.run { progress.show($0) })
            } catch {
                outcome = .failure(error)
            }
            result.withLock { $0 = outcome }
            done.signal()
        }
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler {
            Console.error("interrupted: finishing the current step (Ctrl-C again to stop at once)")
            signal(SIGINT, SIG_DFL)
            interrupt.cancel()
            task.cancel()
        }
        interrupt.resume()
        done.wait()
        interrupt.cancel()
        signal(SIGINT, SIG_DFL)
        progress.finish()
        switch result.withLock({ $0 }) {
        case .success(let outcome): return outcome
        case .failure(let error) where error.kind == .usage: throw UsageFailure("\(error)")
        case .failure(let error): throw CommandFailure("harvest failed: \(error)")
        case nil: throw CommandFailure("harvest failed")
        }
    }
}
