import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one HTTP GET gave.
struct HTTPResponse: Sendable {
    /// The status code.
    var status: Int
    /// The headers, names in lower case.
    var headers: [String: String]
    /// The body.
    var body: Data
}

/// Why a GET gave no response.
enum FetchFailure: Error, Equatable {
    /// No complete answer within the timeout.
    case timedOut(seconds: Double)
    /// The connection failed, broke off or could not be made; the words say which.
    case transport(String)
    /// The URL cannot be requested at all (not worth a retry).
    case unusable(String)
}

/// GET requests through Foundation's URLSession (`FoundationNetworking` on Linux), each bounded
/// by a timeout on the whole exchange (not only on silence, which is all URLSession's own
/// timeout measures: a server trickling bytes would otherwise hold a request forever).
/// Cancelling the calling task cancels the request.
struct HTTPFetcher: Sendable {
    /// The longest a request may take, from sending to the last byte (seconds).
    let timeout: Double
    private let session: URLSession

    /// Makes a fetcher with its own session: no cache, no cookies, no credentials stored.
    init(timeout: Double) {
        self.timeout = timeout
        let configuration = URLSessionConfiguration.ephemeral
        // URLSession's own timeouts only back up this fetcher's timer: on Linux they count whole
        // seconds, and a fraction below one times out at once.
        configuration.timeoutIntervalForRequest = Self.sessionTimeout(timeout)
        configuration.timeoutIntervalForResource = Self.sessionTimeout(timeout)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration)
    }

    /// The whole seconds URLSession is given, a second past the fetcher's own deadline.
    static func sessionTimeout(_ timeout: Double) -> Double { timeout.rounded(.up) + 1 }

    /// GETs `url`; throws `FetchFailure`, or `CancellationError` when the task is cancelled.
    func get(_ url: URL) async throws -> HTTPResponse {
        var request = URLRequest(url: url)
        request.timeoutInterval = Self.sessionTimeout(timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("TechTracker harvest", forHTTPHeaderField: "User-Agent")
        let state = RequestState()
        let timeout = self.timeout
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: request) { data, response, error in
                    continuation.resume(with: Self.outcome(data, response, error, state: state, timeout: timeout))
                }
                state.start(task)
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { state.stop(because: .timedOut) }
            }
        } onCancel: {
            state.stop(because: .cancelled)
        }
    }

    /// The response, or why there is none.
    private static func outcome(
        _ data: Data?, _ response: URLResponse?, _ error: (any Error)?, state: RequestState, timeout: Double
    ) -> Result<HTTPResponse, any Error> {
        switch state.stopReason {
        case .cancelled: return .failure(CancellationError())
        case .timedOut: return .failure(FetchFailure.timedOut(seconds: timeout))
        case nil: break
        }
        if let error { return .failure(failure(for: error, timeout: timeout)) }
        guard let http = response as? HTTPURLResponse else {
            return .failure(FetchFailure.transport("no HTTP response"))
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
    }

    /// A URLSession error in words.
    private static func failure(for error: any Error, timeout: Double) -> FetchFailure {
        guard let urlError = error as? URLError else { return .transport("\(error)") }
        switch urlError.code {
        case .timedOut: return .timedOut(seconds: timeout)
        case .badURL, .unsupportedURL: return .unusable("the URL cannot be requested (\(urlError.code.rawValue))")
        case .cannotFindHost, .dnsLookupFailed: return .transport("cannot find the host")
        case .cannotConnectToHost: return .transport("cannot connect to the host")
        case .networkConnectionLost: return .transport("the connection was lost")
        case .notConnectedToInternet: return .transport("not connected to the internet")
        case .badServerResponse: return .transport("the server closed the connection without a valid answer")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate:
            return .transport("the secure connection failed")
        default: return .transport("the transfer failed (network error \(urlError.code.rawValue))")
        }
    }
}

/// The task of one request and whether it was stopped, shared by URLSession's callback, the
/// timeout timer and the cancellation handler (any of them may run first).
private final class RequestState: Sendable {
    enum StopReason: Sendable { case timedOut, cancelled }

    private let guarded = Mutex<(task: URLSessionDataTask?, reason: StopReason?)>((nil, nil))

    /// Why the request was stopped, if it was.
    var stopReason: StopReason? { guarded.withLock { $0.reason } }

    /// Starts `task`, unless the request was stopped before it existed.
    func start(_ task: URLSessionDataTask) {
        let stopped = guarded.withLock { state -> Bool in
            state.task = task
            return state.reason != nil
        }
        if stopped { task.cancel() } else { task.resume() }
    }

    /// Stops the request (the first reason given wins).
    func stop(because reason: StopReason) {
        let task = guarded.withLock { state -> URLSessionDataTask? in
            guard state.reason == nil else { return nil }
            state.reason = reason
            return state.task
        }
        task?.cancel()
    }
}
