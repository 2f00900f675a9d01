import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import TechTrackerPresent
import TechTrackerServer
import TechTrackerStore

/// `techtracker serve`: the read-only web dashboard over the figures the last `analyze` stored.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a read-only web dashboard of the last analysis (pages, chart CSVs, a JSON API).",
        discussion: """
            The store is read once, at start; run `serve` again to show the figures of a later \
            `analyze`. Ctrl-C stops the server.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The address to listen on (127.0.0.1: this machine only).")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port to listen on (\(OptionRange.text(OptionRange.port))).")
    var port = 8080

    func validate() throws {
        try OptionRange.check(port, OptionRange.port, option: "--port")
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() throws {
        let model = try DashboardLoading.model(try storeOptions.openForReading())
        let address = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
        let server = DashboardServer(model: model)
        let (host, port) = (self.host, self.port)
        // The commands are synchronous; the server runs on Swift concurrency's threads until
        // SIGINT or SIGTERM stops it gracefully.
        let failure = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run(host: host, port: port) {
                    Console.out("Serving the dashboard on \(address) (Ctrl-C to stop)")
                    fflush(nil)
                }
            } catch {
                failure.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) {
            throw CommandFailure("the dashboard server stopped: \(error)")
        }
    }
}
