import Foundation
public import Hummingbird
public import TechTrackerPresent

/// The read-only web dashboard (`techtracker serve`): the pages of `DashboardPages`, the charts'
/// CSV and a JSON API, all answered from a `DashboardModel` held in memory. Nothing a client
/// sends reaches the file system or the store; every request is answered from the model, and a
/// request the server cannot answer gets a 4xx naming what is wrong, never a 500.
///
/// Routes (GET, and HEAD): `/`, `/technology/{id}`, `/country/{code}`, `/method`,
/// `/csv/{chart}?subject=…`, and under `/api`: `selection`, `technologies`, `technologies/{id}`,
/// `countries/{code}`, `headline`, `settings`. Pages and answers that depend on a selection take
/// `window=YYYY` (the first year of an analysed window) and `counting=fractional|whole`.
public struct DashboardServer: Sendable {
    /// The figures served.
    public let model: DashboardModel

    /// A server over `model`.
    public init(model: DashboardModel) {
        self.model = model
    }

    /// The application serving the dashboard on `host`:`port`; `onServerRunning` is called once
    /// the server listens.
    public func application(
        host: String, port: Int, onServerRunning: @escaping @Sendable () async -> Void = {}
    ) -> some ApplicationProtocol {
        Application(
            router: buildRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "TechTracker"),
            onServerRunning: { _ in await onServerRunning() })
    }

    /// Serves the dashboard on `host`:`port` until SIGINT or SIGTERM stops it gracefully;
    /// `onServerRunning` is called once the server listens.
    public func run(host: String, port: Int, onServerRunning: @escaping @Sendable () async -> Void = {}) async throws {
        try await application(host: host, port: port, onServerRunning: onServerRunning).runService()
    }

    /// The router with every route (the tests run it without a server).
    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        // Added first, so that it wraps every route and the router's not-found answer too.
        router.add(middleware: DashboardGuardMiddleware())
        let answers = DashboardAnswers(model: model)
        router.get("/") { request, _ in answers.overview(DashboardQuery(request)).response }
        router.get("/technology/:id") { request, context in
            answers.technology(context.parameters.get("id"), DashboardQuery(request)).response
        }
        router.get("/country/:code") { request, context in
            answers.country(context.parameters.get("code"), DashboardQuery(request)).response
        }
        router.get("/method") { request, _ in answers.method(DashboardQuery(request)).response }
        router.get("/csv/:chart") { request, context in
            answers.csv(context.parameters.get("chart"), DashboardQuery(request)).response
        }
        router.get("/api/selection") { _, _ in answers.apiSelection().response }
        router.get("/api/technologies") { _, _ in answers.apiTechnologies().response }
        router.get("/api/technologies/:id") { request, context in
            answers.apiTechnology(context.parameters.get("id"), DashboardQuery(request)).response
        }
        router.get("/api/countries/:code") { request, context in
            answers.apiCountry(context.parameters.get("code"), DashboardQuery(request)).response
        }
        router.get("/api/headline") { request, _ in answers.apiHeadline(DashboardQuery(request)).response }
        router.get("/api/settings") { _, _ in answers.apiSettings().response }
        return router
    }
}

/// Refuses methods other than GET and HEAD (405), answers unknown paths with the dashboard's
/// own 404, turns any error into a response, and adds the headers every answer carries.
struct DashboardGuardMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        let api = DashboardAnswers.isAPI(request.uri.path)
        if request.method != .get && request.method != .head {
            response =
                DashboardReply.problem(
                    .methodNotAllowed, api: api, title: "Method not allowed",
                    message: "\(request.method.rawValue) is not allowed: the dashboard is read-only (GET only)."
                )
                .response
            response.headers[.allow] = "GET, HEAD"
        } else {
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError where error.status == .notFound {
                response =
                    DashboardReply.problem(
                        .notFound, api: api, title: "Not found",
                        message: "No page at \(DashboardAnswers.shown(request.uri.path))."
                    )
                    .response
            } catch let error as any HTTPResponseError where (400..<500).contains(error.status.code) {
                response =
                    DashboardReply.problem(
                        error.status, api: api, title: error.status.reasonPhrase,
                        message: "The request cannot be answered."
                    )
                    .response
            } catch {
                // Not something a client sent: the server's own failure.
                response =
                    DashboardReply.problem(
                        .internalServerError, api: api, title: "Internal error",
                        message: "The server failed to answer."
                    )
                    .response
            }
        }
        response.headers[.cacheControl] = "no-store"
        // A literal name, valid by construction.
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        return response
    }
}
