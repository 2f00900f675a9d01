import Foundation

/// Something a harvest did, for progress messages.
public enum HarvestEvent: Sendable {
    /// The run starts: how many requests there are, and what an earlier run already did.
    case started(requests: Int, requestsDone: Int, pagesDone: Int, resumed: Bool)
    /// A page was fetched and written (or the empty last page was fetched).
    case page(PageProgress)
    /// A request failed and is about to be tried again.
    case retrying(technology: String, part: Int, page: Int, RetryNotice)
}

/// Where a harvest stands after one page.
public struct PageProgress: Sendable, Hashable {
    /// The technology of the request.
    public var technology: String
    /// The request's part, from 1, and the technology's number of parts.
    public var part: Int, parts: Int
    /// The pages the request has written.
    public var pages: Int
    /// The works the request has written, and how many OpenAlex says it finds.
    public var works: Int, count: Int?
    /// Whether the request is done.
    public var requestDone: Bool
    /// Requests done, and requests in all.
    public var requestsDone: Int, requests: Int
}

/// What a run of a harvest did.
public struct HarvestOutcome: Sendable {
    /// The checkpoint as the run left it.
    public var checkpoint: HarvestCheckpoint
    /// Whether every request is done (false when the run was interrupted).
    public var isComplete: Bool { checkpoint.isComplete }
    /// Whether the run continued an earlier one.
    public var resumed: Bool
    /// Pages written by this run.
    public var pagesWritten: Int
    /// HTTP requests this run sent, retries included.
    public var requestsSent: Int
    /// Retries among them.
    public var retries: Int
    /// How long the run took.
    public var seconds: Double
    /// What OpenAlex said this run's requests cost (`meta.cost_usd`), when it said.
    public var costUSD: Double?
}

/// How a harvest reaches the API.
public struct HarvestConnection: Sendable {
    /// The contact address OpenAlex asks for (`mailto`), if any.
    public var mailto: String?
    /// The API key (`api_key`), if any. It is sent, never shown.
    public var apiKey: String?
    /// Request starts per second at most (OpenAlex's polite limit is 10).
    public var requestsPerSecond: Double
    /// The longest one request may take (seconds).
    public var timeout: Double
    /// Retries and their waits.
    public var retry: RetryPolicy

    /// The default rate: OpenAlex's polite limit.
    public static let defaultRequestsPerSecond = 10.0
    /// The default timeout of one request (seconds).
    public static let defaultTimeout = 60.0

    /// Makes the settings.
    public init(
        mailto: String? = nil, apiKey: String? = nil, requestsPerSecond: Double = defaultRequestsPerSecond,
        timeout: Double = defaultTimeout, retry: RetryPolicy = RetryPolicy()
    ) {
        self.mailto = mailto
        self.apiKey = apiKey
        self.requestsPerSecond = requestsPerSecond
        self.timeout = timeout
        self.retry = retry
    }
}

/// Runs a harvest plan into an output folder: every request paged through with its cursor,
/// one page at a time, each page written to its file and then recorded in the checkpoint, so
/// that an interrupted run continues where it stopped without fetching a recorded page again.
/// Cancelling the calling task stops the run between two steps, leaving the folder consistent.
public struct HarvestRun: Sendable {
    /// The requests.
    public var plan: HarvestPlan
    /// The output folder.
    public var folder: String
    /// How the API is reached.
    public var connection: HarvestConnection

    /// Makes a run.
    public init(plan: HarvestPlan, folder: String, connection: HarvestConnection) {
        self.plan = plan
        self.folder = folder
        self.connection = connection
    }

    /// Harvests what the checkpoint says is left. Throws `HarvestError` when the folder cannot
    /// be used or a request fails for good; returns an incomplete outcome when cancelled.
    public func run(
        events: @escaping @Sendable (HarvestEvent) -> Void = { _ in }
    ) async throws(HarvestError)
        -> HarvestOutcome
    {
        let clock = ContinuousClock()
        let started = clock.now
        let opened = try OutputFolder.open(folder, plan: plan)
        var checkpoint = opened.checkpoint
        let client = PageClient(
            timeout: connection.timeout, requestsPerSecond: connection.requestsPerSecond, policy: connection.retry)
        let files = PageFiles(folder: folder)
        var pagesWritten = 0
        var cost: Double?
        events(
            .started(
                requests: plan.requests.count, requestsDone: checkpoint.requestsDone, pagesDone: checkpoint.pages,
                resumed: opened.resumed))
        func outcome() -> HarvestOutcome {
            let elapsed = clock.now - started
            return HarvestOutcome(
                checkpoint: checkpoint, resumed: opened.resumed, pagesWritten: pagesWritten,
                requestsSent: client.counters.attempts, retries: client.counters.retries,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
                costUSD: cost)
        }
        for (index, request) in plan.requests.enumerated() {
            while !checkpoint.requests[index].done {
                if Task.isCancelled { return withExtendedLifetime(opened.folder) { outcome() } }
                var progress = checkpoint.requests[index]
                let cursor = progress.nextCursor ?? "*"
                let pageNumber = progress.pages + 1
                let page: APIPage
                do {
                    page = try await fetch(request, index: index, cursor: cursor, page: pageNumber, client, events)
                } catch is CancellationError {
                    return withExtendedLifetime(opened.folder) { outcome() }
                } catch let error as HarvestError {
                    throw error.redacting(connection.apiKey)
                } catch {
                    throw HarvestError.failure("\(request.technology) part \(request.part): \(error)")
                }
                if let pageCost = page.costUSD { cost = (cost ?? 0) + pageCost }
                if !page.results.isEmpty {
                    try files.write(
                        page, to: files.path(technology: request.technology, part: request.part, page: pageNumber))
                    progress.pages = pageNumber
                    progress.works += page.results.count
                    pagesWritten += 1
                }
                progress.count = progress.count ?? page.count
                if let next = page.nextCursor, !page.results.isEmpty {
                    guard next != cursor else {
                        throw HarvestError.failure(
                            "\(request.technology) part \(request.part): OpenAlex returned the same cursor again "
                                + "after page \(pageNumber); run the same command again to retry")
                    }
                    progress.nextCursor = next
                } else {
                    // The end: OpenAlex ends a list with an empty page and no next cursor.
                    progress.nextCursor = nil
                    progress.done = true
                }
                checkpoint.requests[index] = progress
                try checkpoint.save(folder: folder)
                events(
                    .page(
                        PageProgress(
                            technology: request.technology, part: request.part, parts: request.parts,
                            pages: progress.pages, works: progress.works, count: progress.count,
                            requestDone: progress.done, requestsDone: checkpoint.requestsDone,
                            requests: checkpoint.requests.count)))
            }
        }
        return withExtendedLifetime(opened.folder) { outcome() }
    }

    /// One page of `request`, with retries.
    private func fetch(
        _ request: HarvestPlan.Request, index: Int, cursor: String, page: Int, _ client: PageClient,
        _ events: @escaping @Sendable (HarvestEvent) -> Void
    ) async throws -> APIPage {
        let url = plan.url(for: request, cursor: cursor, mailto: connection.mailto, apiKey: connection.apiKey)
        let display = plan.displayURL(
            for: request, cursor: cursor, mailto: connection.mailto, hasAPIKey: connection.apiKey != nil)
        guard url.utf8.count <= HarvestPlan.maximumURLBytes else {
            throw HarvestError.failure(
                "GET \(display): the URL is \(url.utf8.count) bytes, over OpenAlex's limit of "
                    + "\(HarvestPlan.maximumURLBytes) (a cursor, --mailto or --api-key far longer than usual)")
        }
        let key = UInt64(index) << 32 | UInt64(truncatingIfNeeded: page)
        return try await client.page(url: url, display: display, key: key) { notice in
            events(.retrying(technology: request.technology, part: request.part, page: page, notice))
        }
    }
}
