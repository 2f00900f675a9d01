import Foundation
import Testing

@testable import TechTrackerHarvest

/// Pages cut into works, responses judged, and the waits between retries.
@Suite struct PageAndRetryTests {
    @Test func aRealPageIsCutIntoItsWorksByteForByte() throws {
        let body = try HarvestFixtures.bytes("openalex_api_page_biodiversity")
        let page = try APIPage.parse(body)
        #expect(page.results.count == 200)
        #expect(page.count == 429)
        #expect(page.nextCursor?.hasPrefix("IlsyLjU2") == true)
        #expect(page.costUSD == 0.0001)
        // Each result is the exact JSON object OpenAlex sent: it decodes alone, with the same id
        // as the page decoded whole.
        let decoded = try #require(JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        let results = try #require(decoded["results"] as? [[String: Any]])
        for (index, range) in page.results.enumerated() {
            let work = try #require(JSONSerialization.jsonObject(with: Data(body[range])) as? [String: Any])
            #expect(work["id"] as? String == results[index]["id"] as? String)
            #expect(Array(page.line(index)) == Array(body[range]))
        }
    }

    @Test func aPageCutShortIsRefused() throws {
        let body = try HarvestFixtures.bytes("openalex_api_snowball_2")
        for cut in [1, 10, body.count / 3, body.count / 2, body.count - 2] {
            #expect(throws: APIPage.Problem.self) { try APIPage.parse(Array(body.prefix(cut))) }
        }
        #expect(throws: APIPage.Problem.self) { try APIPage.parse(Array(#"{"error":"x"}"#.utf8)) }
        #expect(throws: APIPage.Problem.self) { try APIPage.parse(Array(#"{"results":[1,2]}"#.utf8)) }
    }

    @Test func theEndOfAListHasNoCursor() throws {
        let page = try APIPage.parse(Array(#"{"meta":{"count":3,"next_cursor":null},"results":[]}"#.utf8))
        #expect(page.results.isEmpty)
        #expect(page.nextCursor == nil)
    }

    @Test func aPrettyPrintedWorkBecomesOneLine() throws {
        let body = Array(
            "{\n  \"results\": [\n    {\n      \"id\": \"W1\",\n      \"title\": \"a \\\"b\\\"  c\"\n    }\n  ]\n}\n"
                .utf8)
        let page = try APIPage.parse(body)
        #expect(String(decoding: page.line(0), as: UTF8.self) == #"{"id":"W1","title":"a \"b\"  c"}"#)
    }

    @Test func responsesAreJudged() throws {
        let good = try HarvestFixtures.bytes("openalex_api_snowball_1")
        func judge(_ status: Int, _ headers: [String: String] = [:], _ body: [UInt8] = []) -> PageClient.Outcome {
            PageClient.evaluate(
                HTTPResponse(status: status, headers: headers, body: Data(body)),
                now: Date(timeIntervalSince1970: 1_000_000))
        }
        guard case .page(let page) = judge(200, [:], good) else { Issue.record("a good page"); return }
        #expect(page.results.count == 2)
        guard case .retry(let reason, let wait) = judge(429, ["retry-after": "7"]) else { Issue.record("429"); return }
        #expect(reason == "HTTP 429" && wait == 7)
        guard case .retry(_, nil) = judge(503) else { Issue.record("503"); return }
        guard case .retry(_, nil) = judge(403) else { Issue.record("403"); return }
        guard case .retry(let cut, nil) = judge(200, ["content-length": "\(good.count + 5)"], good) else {
            Issue.record("cut short")
            return
        }
        #expect(cut.contains("cut short"))
        guard case .retry(let incomplete, nil) = judge(200, [:], Array(good.prefix(100))) else {
            Issue.record("incomplete")
            return
        }
        #expect(incomplete.hasPrefix("incomplete page"))
        guard case .fail(let unauthorised) = judge(401) else { Issue.record("401"); return }
        #expect(unauthorised.contains("--api-key"))
        guard
            case .fail(let tooLong) = judge(
                400, [:], Array(#"{"error":"Request URL too long","message":"Your request URL is 4612 bytes"}"#.utf8))
        else { Issue.record("400"); return }
        #expect(tooLong == "HTTP 400: Your request URL is 4612 bytes")
    }

    @Test func retryAfterIsReadAsSecondsOrAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryPolicy.retryAfter("120", now: now) == 120)
        #expect(RetryPolicy.retryAfter(" 0 ", now: now) == 0)
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
        #expect(RetryPolicy.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == 0)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter("-5", now: now) == nil)
    }

    @Test func backoffDoublesWithSeededJitterAndACeiling() {
        let policy = RetryPolicy(baseDelay: 1, maximumDelay: 60)
        for retry in 1...12 {
            let ceiling = min(60, pow(2, Double(retry - 1)))
            for key in [0, 1, 99, UInt64.max] {
                let wait = policy.backoff(retry: retry, key: key)
                #expect(wait >= ceiling / 2 && wait <= ceiling, "retry \(retry): \(wait)")
                // The same seed, request and retry: the same wait, run after run.
                #expect(wait == RetryPolicy(baseDelay: 1, maximumDelay: 60).backoff(retry: retry, key: key))
            }
        }
        // Different requests wait differently (no thundering herd).
        let waits = Set((0..<20).map { policy.backoff(retry: 3, key: UInt64($0)) })
        #expect(waits.count > 15)
    }
}
