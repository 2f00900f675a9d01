import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `techtracker serve` as a process: refused without figures or with a bad port; on the demo's
/// store it says where it serves, answers over HTTP, and stops on Ctrl-C (SIGINT) with status 0.
@Suite(.serialized)
struct ServeDashboardTests {
    @Test func aStoreWithoutFiguresIsRefused() async throws {
        let store = try temporaryFolder() + "/empty.sqlite"
        _ = try await Techtracker.output(["classify", "--store", store, "--quiet"])
        let outcome = try await Techtracker.run(["serve", "--store", store])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("run `techtracker analyze` first"))
        #expect(outcome.out.isEmpty)
    }

    @Test func aPortOutsideItsRangeIsRefused() async throws {
        for port in ["0", "65536", "-1"] {
            let outcome = try await Techtracker.run(["serve", "--port", port])
            #expect(outcome.status == 2)
            #expect(outcome.error.contains("--port must be in 1…65535 (got \(port))"))
        }
    }

    @Test func servesTheDemosFiguresUntilInterrupted() async throws {
        let store = try await DemoFixture.store()
        let port = Int.random(in: 20_000...60_000)
        let running = try Techtracker.start(["serve", "--store", store, "--port", String(port)])
        let line = "Serving the dashboard on http://127.0.0.1:\(port)/ (Ctrl-C to stop)"
        let deadline = Date().addingTimeInterval(60)
        var out = ""
        while !out.contains(line) && running.process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            out = (try? String(contentsOfFile: running.outPath, encoding: .utf8)) ?? ""
        }
        guard out.contains(line) else {
            running.killHard()
            Issue.record(
                "serve did not start: \(out) \((try? String(contentsOfFile: running.errorPath, encoding: .utf8)) ?? "")"
            )
            return
        }
        let answer = try Self.get("/api/selection", port: port)
        let settings = try Self.get("/api/settings", port: port)
        let missing = try Self.get("/technology/no-such-technology", port: port)
        kill(running.process.processIdentifier, SIGINT)
        let outcome = try await running.wait(timeout: 60)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(answer.contains("Content-Type: application/json\r\n"))
        #expect(answer.contains(#""default":{"counting":"fractional","window":2020}"#))
        #expect(settings.contains(#""synthetic":true"#))
        #expect(missing.hasPrefix("HTTP/1.1 404 Not Found\r\n"))
        #expect(missing.contains("No technology with the id &#39;no-such-technology&#39;."))
    }

    /// `GET PATH` on 127.0.0.1:`port` over a plain socket; the whole answer, head and body.
    static func get(_ path: String, port: Int) throws -> String {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0, "cannot connect to port \(port)")
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }
}
