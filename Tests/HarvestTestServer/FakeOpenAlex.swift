import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A local stand-in for OpenAlex's `/works`, served over real HTTP on localhost (a free port):
/// it pages a fixed list of works per search with cursors, as OpenAlex does (`cursor=*`, then
/// `meta.next_cursor`; after the last works an empty page with no cursor), and misbehaves on
/// demand: rate limits with `Retry-After`, server errors, answers slower than the client's
/// timeout, bodies cut off before their `Content-Length`, or no answer at all (held until the
/// server stops).
public final class FakeOpenAlex: Sendable {
    /// How one request is answered instead of with its page.
    public enum Fault: Sendable, Equatable {
        /// This status, with this `Retry-After` header if any.
        case status(Int, retryAfter: String?)
        /// The page, after this many seconds.
        case slow(seconds: Double)
        /// The page's headers and part of its body, then the connection closes.
        case dropMidBody
        /// No answer until the server stops.
        case hold
    }

    /// One request as the server saw it.
    public struct Seen: Sendable, Hashable {
        /// The search (the value of `filter` or `search.exact`, decoded).
        public var search: String
        /// The cursor asked for.
        public var cursor: String
        /// The whole query string, decoded.
        public var query: String
        /// How many times this search and cursor had been asked for before (0 the first time).
        public var repeats: Int
        /// Requests before this one, in all.
        public var number: Int
    }

    /// The works (JSON objects) each search finds, from the search text.
    public typealias Catalog = @Sendable (_ search: String) -> [[UInt8]]
    /// The fault for a request, if any.
    public typealias Faults = @Sendable (Seen) -> Fault?

    private let catalog: Catalog
    private let faults: Mutex<Faults>
    private let state = Mutex((seen: [Seen](), counts: [String: Int]()))
    private let released = Mutex(false)

    /// A server whose searches find `catalog(search)` and which answers `faults(request)` when
    /// that is not `nil`.
    public init(catalog: @escaping Catalog, faults: @escaping Faults = { _ in nil }) {
        self.catalog = catalog
        self.faults = Mutex(faults)
    }

    /// Replaces the faults (for a second run against the same server).
    public func setFaults(_ faults: @escaping Faults) {
        self.faults.withLock { $0 = faults }
    }

    /// Every request so far, in order.
    public var seen: [Seen] { state.withLock { $0.seen } }

    /// Serves on a free port of localhost (HummingbirdTesting's live mode) while `body` runs, handing it the base URL
    /// (`http://localhost:PORT`); held requests are released when `body` ends.
    public func serve<Value: Sendable>(_ body: @Sendable (String) async throws -> Value) async throws -> Value {
        released.withLock { $0 = false }
        let router = Router()
        router.get("/works") { request, _ in try await self.answer(request) }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: "fake"))
        return try await app.test(.live) { client in
            guard let port = client.port else { throw NoPort() }
            defer { self.released.withLock { $0 = true } }
            return try await body("http://localhost:\(port)")
        }
    }

    /// A page body as OpenAlex writes it.
    public static func pageBody(results: [[UInt8]], count: Int, perPage: Int, nextCursor: String?) -> [UInt8] {
        let cursor = nextCursor.map { "\"\($0)\"" } ?? "null"
        var body = Array(
            "{\"meta\":{\"count\":\(count),\"db_response_time_ms\":3,\"page\":null,\"per_page\":\(perPage),\"next_cursor\":\(cursor),\"groups_count\":null,\"cost_usd\":0.001},\"results\":["
                .utf8)
        for (index, work) in results.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body += work
        }
        body += Array("],\"group_by\":[]}".utf8)
        return body
    }

    /// The cursor of the page starting at `offset` (opaque to the client, as OpenAlex's are).
    static func cursor(offset: Int) -> String {
        Data("offset:\(offset)".utf8).base64EncodedString()
    }

    static func offset(cursor: String) -> Int? {
        if cursor == "*" { return 0 }
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("offset:")
        else { return nil }
        return Int(text.dropFirst(7))
    }

    private func answer(_ request: Request) async throws -> Response {
        var parameters: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            parameters[name] = value
        }
        let search = parameters["search.exact"] ?? parameters["filter"] ?? ""
        let cursor = parameters["cursor"] ?? "*"
        let perPage = Int(parameters["per-page"] ?? "") ?? 25
        let seen = state.withLock { state -> Seen in
            let key = search + "\u{0}" + cursor
            let repeats = state.counts[key, default: 0]
            state.counts[key] = repeats + 1
            let seen = Seen(
                search: search, cursor: cursor, query: (request.uri.query ?? "").removingPercentEncoding ?? "",
                repeats: repeats, number: state.seen.count)
            state.seen.append(seen)
            return seen
        }
        guard let offset = Self.offset(cursor: cursor) else {
            // Echoes the query, key included, as a careless server might: the client must hide it.
            let message = "bad cursor \(cursor) in \(request.uri.query ?? "")".replacingOccurrences(of: "\"", with: "'")
            return Self.json(
                status: .badRequest, Array("{\"error\":\"Invalid cursor\",\"message\":\"\(message)\"}".utf8))
        }
        let works = catalog(search)
        let pageWorks = Array(works.dropFirst(offset).prefix(perPage))
        let next = pageWorks.isEmpty ? nil : Self.cursor(offset: offset + pageWorks.count)
        let body = Self.pageBody(results: pageWorks, count: works.count, perPage: perPage, nextCursor: next)
        switch faults.withLock({ $0 })(seen) {
        case nil:
            return Self.json(status: .ok, body)
        case .status(let code, let retryAfter):
            var response = Self.json(
                status: HTTPResponse.Status(code: code), Array(#"{"error":"injected","message":"injected fault"}"#.utf8)
            )
            if let retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        case .slow(let seconds):
            // Cut short when the test is over, so that the server can stop.
            for _ in 0..<Int(seconds * 20) where !released.withLock({ $0 }) {
                try await Task.sleep(for: .milliseconds(50))
            }
            return Self.json(status: .ok, body)
        case .dropMidBody:
            let half = ByteBuffer(bytes: body.prefix(body.count / 2))
            let responseBody = ResponseBody(contentLength: body.count) { writer in
                try await writer.write(half)
                // Ending the body early makes the server close the connection mid-page.
                throw CancellationError()
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: responseBody)
        case .hold:
            // Until the test is over (bounded, so that a test that forgets cannot hang the run).
            for _ in 0..<2400 where !released.withLock({ $0 }) && !Task.isCancelled {
                try await Task.sleep(for: .milliseconds(50))
            }
            throw CancellationError()
        }
    }

    /// The live test server gave no port.
    struct NoPort: Error {}

    private static func json(status: HTTPResponse.Status, _ body: [UInt8]) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
