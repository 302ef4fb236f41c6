import AsyncHTTPClient
import FakeGemini
import Foundation
import Gateway
import NIOCore
import Testing

/// Issue 2 and DESIGN.md §4: no retry after the first byte, an explicit error event when the
/// upstream breaks, and a client that leaves takes the upstream call with it.
@Suite struct StreamingTests {
    private func streamRequest(_ harness: GatewayHarness, model: String = "gemini-2.5-flash") -> HTTPClientRequest {
        var request = HTTPClientRequest(url: harness.baseURL + "/v1beta/models/\(model):streamGenerateContent?alt=sse")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "x-goog-api-key", value: harness.token)
        request.body = .bytes(ByteBuffer(string: #"{"contents":[{"role":"user","parts":[{"text":"one two three four five six"}]}]}"#))
        return request
    }

    private func streamCalls(_ fake: FakeGemini) -> [RecordedRequest] {
        fake.requests().filter { $0.action == "streamGenerateContent" }
    }

    @Test func cutAfterFirstByteEndsWithErrorEventAndNoRetry() async throws {
        let cut = testKey("cut-a")
        let spare = testKey("cut-b")
        let fake = FakeGemini()
        fake.script(cut, .streamCut(afterEvents: 2))
        try await GatewayHarness.run(keys: [cut, spare], fake: fake) { harness in
            let response = try await HTTPClient.shared.execute(streamRequest(harness), timeout: .seconds(30))
            #expect(response.status == .ok)
            var text = ""
            do {
                for try await chunk in response.body { text += String(buffer: chunk) }
            } catch {
                Issue.record("the gateway must end the stream cleanly with an error event, not cut it: \(error)")
            }
            // Google frames end in CRLF, which Swift counts as one character: split on any newline.
            let events = text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("data: ") }
            #expect(events.count == 3, "\(text)")
            let last = try #require(events.last)
            #expect(last.hasPrefix(#"data: {"error""#))
            #expect(last.contains("broke off"))
            // One attempt only: the cut key; the spare key was never tried for this request.
            #expect(streamCalls(fake).count == 1)
            #expect(streamCalls(fake).first?.apiKey == cut)
        }
    }

    @Test func errorBeforeFirstByteIsRetriedOnAnotherKey() async throws {
        let broken = testKey("pre-a")
        let good = testKey("pre-b")
        let fake = FakeGemini()
        fake.script(broken, .internalError)
        try await GatewayHarness.run(keys: [broken, good], fake: fake) { harness in
            let response = try await HTTPClient.shared.execute(streamRequest(harness), timeout: .seconds(30))
            #expect(response.status == .ok)
            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
            #expect(body.contains("finishReason"))
            #expect(!body.contains(#""error""#))
            #expect(streamCalls(fake).map(\.apiKey) == [broken, good])
        }
    }

    @Test func clientDisconnectAbortsTheUpstreamCall() async throws {
        let slow = testKey("slow-a")
        let fake = FakeGemini()
        fake.script(slow, .slow(firstEventDelayMs: 50, eventIntervalMs: 300, events: 30))
        try await GatewayHarness.run(keys: [slow], fake: fake) { harness in
            let response = try await HTTPClient.shared.execute(streamRequest(harness), timeout: .seconds(30))
            for try await _ in response.body { break }  // one chunk, then hang up
            // 30 events × 300 ms would take 9 s; the upstream must see the hang-up long before.
            let deadline = ContinuousClock.now + .seconds(5)
            var aborted = false
            while ContinuousClock.now < deadline && !aborted {
                try await Task.sleep(for: .milliseconds(100))
                aborted = streamCalls(fake).first.map { $0.clientDisconnected || $0.streamAborted } ?? false
            }
            #expect(aborted, "the fake upstream never saw the gateway hang up")
            #expect((streamCalls(fake).first?.eventsSent ?? 99) < 20)
        }
    }

    @Test func jsonArrayFramingWithoutAlt() async throws {
        try await GatewayHarness.run(keys: [testKey("arr-a")]) { harness in
            let reply = try await harness.post(
                "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
                body: #"{"contents":[{"role":"user","parts":[{"text":"array please"}]}]}"#, token: harness.token)
            #expect(reply.status == 200)
            let items = try #require(reply.json?.arrayValue)
            #expect(items.count >= 2)
            #expect(reply.header("Cache-Control") == "no-cache")
            #expect(reply.header("X-Accel-Buffering") == "no")
        }
    }

    // MARK: Failures in the stream's own framing

    private func arrayStream(_ harness: GatewayHarness) async throws -> GatewayHarness.Reply {
        try await harness.post(
            "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
            body: #"{"contents":[{"role":"user","parts":[{"text":"one two three four five six"}]}]}"#, token: harness.token)
    }

    /// Without `alt=sse` the client parses one JSON array: a cut stream must still end as one, with
    /// Google's error object as its last element, not with an SSE event inside it.
    @Test func cutJSONArrayStreamEndsWithAnErrorElement() async throws {
        let cut = testKey("arr-cut")
        let fake = FakeGemini()
        fake.script(cut, .streamCut(afterEvents: 2))
        try await GatewayHarness.run(keys: [cut], fake: fake) { harness in
            let reply = try await arrayStream(harness)
            #expect(reply.status == 200)
            let items = try #require(reply.json?.arrayValue, "not a JSON array: \(reply.body)")
            #expect(items.count == 3)
            #expect(items.prefix(2).allSatisfy { $0["candidates"] != nil })
            let error = try #require(items.last?["error"])
            #expect(error["status"]?.stringValue == "UNAVAILABLE")
            #expect(error["message"]?.stringValue?.contains("broke off") == true)
        }
    }

    /// The head went out early (keep-alive) and the upstream then failed before any data: the
    /// array holds the error alone.
    @Test func jsonArrayStreamThatFailsBeforeItsFirstElementIsAnArrayOfTheError() async throws {
        let slow = testKey("arr-slow")
        let fake = FakeGemini()
        fake.script(slow, .slow(firstEventDelayMs: 10_000))
        let environment = ["STREAM_KEEPALIVE_SECONDS": "1", "TIME_OUT": "2", "MAX_RETRIES": "1"]
        try await GatewayHarness.run(keys: [slow], environment: environment, fake: fake) { harness in
            let reply = try await arrayStream(harness)
            #expect(reply.status == 200)
            let items = try #require(reply.json?.arrayValue, "not a JSON array: \(reply.body)")
            #expect(items.count == 1)
            #expect(items.first?["error"]?["status"]?.stringValue == "DEADLINE_EXCEEDED")
        }
    }

    /// Google's own error element, which closes the array, is the only error the client sees.
    @Test func googleErrorElementEndsTheJSONArrayStreamAlone() async throws {
        let failing = testKey("arr-google-error")
        let fake = FakeGemini()
        fake.script(failing, .midStreamError(afterEvents: 2))
        try await GatewayHarness.run(keys: [failing], fake: fake) { harness in
            let reply = try await arrayStream(harness)
            let items = try #require(reply.json?.arrayValue, "not a JSON array: \(reply.body)")
            #expect(items.filter { $0["error"] != nil }.count == 1)
            #expect(items.last?["error"]?["code"]?.intValue == 500)
        }
    }

    /// An SDK raises on Google's `data: {"error":…}` event; Gemgate must not append its own.
    @Test func googleErrorEventIsNotFollowedByASecondOne() async throws {
        let failing = testKey("sse-google-error")
        let fake = FakeGemini()
        fake.script(failing, .midStreamError(afterEvents: 2))
        try await GatewayHarness.run(keys: [failing], fake: fake) { harness in
            let response = try await HTTPClient.shared.execute(streamRequest(harness), timeout: .seconds(30))
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            let errors = text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix(#"data: {"error""#) }
            #expect(errors.count == 1, "\(text)")
            #expect(errors.first?.contains(#""code": 500"#) == true, "Google's own error, relayed as is")
        }
    }
}
