import AsyncHTTPClient
import FakeGemini
import Foundation
import Gateway
import NIOCore
import Testing

/// DESIGN.md §4: a client that disconnects cancels the upstream call, at once, even while nothing
/// is being written to it (a slow answer, a stream waiting for its first event). The gateway makes
/// no further attempt on another key and holds the cut attempt against no key.
@Suite struct ClientDisconnectTests {
    /// Far slower than any test waits: the fake's wait can only end early by the gateway hanging up.
    static let slowKey = FakeKeyBehaviour.slow(firstEventDelayMs: 25_000)
    /// The gateway's own upstream timeout is well past the 2 s the hang-up may take, so a gateway
    /// that only lets go of the upstream at its timeout fails.
    static let environment = ["TIME_OUT": "8", "MAX_RETRIES": "3"]

    @Test func plainCallIsCancelledUpstreamWhenItsClientLeaves() async throws {
        try await withSlowKeys("plain") { harness, keys in
            let request = nativeRequest(harness, method: "generateContent")
            let leftAt = try await callAndHangUp(request, after: .milliseconds(500))
            try await expectAbandonedUpstream(harness, keys: keys, action: "generateContent", clientLeftAt: leftAt)
        }
    }

    /// The response head went out early (the keep-alive commit) and the stream then waits for its
    /// first event: no write is due, so only the connection's close can tell the client has gone.
    @Test func streamWaitingForItsFirstEventIsCancelledWhenItsClientLeaves() async throws {
        try await withSlowKeys("stream", environment: ["STREAM_KEEPALIVE_SECONDS": "1"]) { harness, keys in
            let response = try await HTTPClient.shared.execute(
                nativeRequest(harness, method: "streamGenerateContent", query: "?alt=sse"), timeout: .seconds(30))
            #expect(response.status == .ok)
            let reading = Task { for try await _ in response.body {} }
            try await Task.sleep(for: .milliseconds(300))
            reading.cancel()
            let leftAt = ContinuousClock.now
            _ = await reading.result
            try await expectAbandonedUpstream(harness, keys: keys, action: "streamGenerateContent", clientLeftAt: leftAt)
        }
    }

    /// The OpenAI routes share the mechanism: a plain chat, and a chat stream whose client leaves
    /// before the response head was committed.
    @Test(arguments: [false, true])
    func openAIChatIsCancelledUpstreamWhenItsClientLeaves(stream: Bool) async throws {
        try await withSlowKeys("chat-\(stream)") { harness, keys in
            var request = HTTPClientRequest(url: harness.baseURL + "/v1/chat/completions")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Authorization", value: "Bearer \(harness.token)")
            request.body = .bytes(ByteBuffer(string: """
                {"model":"gemini-2.5-flash","stream":\(stream),"messages":[{"role":"user","content":"hello"}]}
                """))
            let leftAt = try await callAndHangUp(request, after: .milliseconds(500))
            try await expectAbandonedUpstream(
                harness, keys: keys, action: stream ? "streamGenerateContent" : "generateContent", clientLeftAt: leftAt)
        }
    }

    // MARK: Helpers

    /// A gateway over three slow keys.
    private func withSlowKeys(
        _ label: String, environment: [String: String] = [:], _ body: @Sendable (GatewayHarness, [String]) async throws -> Void
    ) async throws {
        let keys = ["a", "b", "c"].map { testKey("gone-\(label)-\($0)") }
        let fake = FakeGemini()
        for key in keys { fake.script(key, Self.slowKey) }
        try await GatewayHarness.run(keys: keys, environment: Self.environment.merging(environment) { $1 }, fake: fake) { harness in
            try await body(harness, keys)
        }
    }

    private func nativeRequest(_ harness: GatewayHarness, method: String, query: String = "") -> HTTPClientRequest {
        var request = HTTPClientRequest(url: harness.baseURL + "/v1beta/models/gemini-2.5-flash:\(method)\(query)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "x-goog-api-key", value: harness.token)
        request.body = .bytes(ByteBuffer(string: #"{"contents":[{"role":"user","parts":[{"text":"hello"}]}]}"#))
        return request
    }

    /// Sends `request` and hangs up after `delay`, before any answer came; returns when it hung up.
    private func callAndHangUp(_ request: HTTPClientRequest, after delay: Duration) async throws -> ContinuousClock.Instant {
        let call = Task { try await HTTPClient.shared.execute(request, timeout: .seconds(60)) }
        try await Task.sleep(for: delay)
        call.cancel()
        let leftAt = ContinuousClock.now
        _ = await call.result
        return leftAt
    }

    /// The fake saw the gateway hang up within 2 s of the client, after exactly one attempt, and
    /// no key carries a failure for it.
    private func expectAbandonedUpstream(
        _ harness: GatewayHarness, keys: [String], action: String, clientLeftAt: ContinuousClock.Instant
    ) async throws {
        var hungUp = false
        while !hungUp, ContinuousClock.now < clientLeftAt + .seconds(2) {
            try await Task.sleep(for: .milliseconds(50))
            hungUp = harness.fake.requests().contains { $0.action == action && $0.clientDisconnected }
        }
        #expect(hungUp, "the upstream call outlived its client by more than 2 s")
        // A retry would follow the cut attempt at once; leave it time to show.
        try await Task.sleep(for: .milliseconds(500))
        let attempts = harness.fake.requests().filter { $0.action == action }
        #expect(attempts.count == 1, "upstream attempts with keys \(attempts.map { $0.apiKey ?? "-" })")
        for key in keys {
            let snapshot = try #require(harness.snapshot(key))
            #expect(snapshot.record.consecutiveFailures == 0)
            #expect(snapshot.recentFailures == 0)
            #expect(snapshot.record.lastErrorAt == nil)
        }
    }
}
