import FakeGemini
import Foundation
import Gateway
import Testing
import Wire

/// Issue 3, item 4: relay rules on the OpenAI side — an explicit error event and `[DONE]` when
/// Google breaks off after the first byte, no retry after it, and FAKE_STREAM_ENABLED.
@Suite struct OpenAIStreamingTests {
    @Test func cutAfterFirstByteEndsWithErrorEventThenDone() async throws {
        let key = openAIKey("cut")
        let spare = openAIKey("cut-spare")
        let fake = FakeGemini()
        fake.script(key, .streamCut(afterEvents: 1))
        try await GatewayHarness.run(keys: [key, spare], fake: fake) { harness in
            // Round-robin may start with either key; call until the cut key served one.
            var reply: GatewayHarness.Reply?
            var upstreamRequestsForCut = 0
            for _ in 0..<4 where reply == nil {
                let before = fake.requests().count
                let candidate = try await harness.chat("please stream a longer answer", stream: true)
                if harness.upstreamCalls(key: key).count == 1 {
                    reply = candidate
                    upstreamRequestsForCut = fake.requests().count - before
                }
            }
            let cut = try #require(reply)
            #expect(cut.status == 200)
            let events = cut.events
            #expect(events.last == "[DONE]")
            let error = try #require(JSONValue(parsing: events[events.count - 2])?["error"])
            #expect(error["type"]?.stringValue == "server_error")
            #expect(error["code"]?.stringValue == "stream_interrupted")
            // No finish_reason was claimed, and no second key was asked after the first byte.
            #expect(!cut.jsonEvents.contains { $0["choices"]?[0]?["finish_reason"]?.stringValue != nil })
            #expect(upstreamRequestsForCut == 1)
        }
    }

    @Test func errorEventMidStreamEndsWithErrorEventThenDone() async throws {
        let key = openAIKey("midstream")
        let fake = FakeGemini()
        fake.script(key, .midStreamError(afterEvents: 1))
        try await GatewayHarness.run(keys: [key], fake: fake) { harness in
            let reply = try await harness.chat("hello there friend", stream: true)
            #expect(reply.status == 200)
            #expect(reply.events.last == "[DONE]")
            #expect(JSONValue(parsing: reply.events[reply.events.count - 2])?["error"] != nil)
            #expect(fake.requests().count == 1)
        }
    }

    @Test func failureBeforeTheFirstByteIsRetriedInvisibly() async throws {
        let broken = openAIKey("pre-broken")
        let good = openAIKey("pre-good")
        let fake = FakeGemini()
        fake.script(broken, .internalError)
        try await GatewayHarness.run(keys: [broken, good], fake: fake) { harness in
            for _ in 0..<2 {
                let reply = try await harness.chat("fine", stream: true)
                #expect(reply.status == 200)
                #expect(reply.streamedContent == "Echo: fine")
                #expect(!reply.body.contains("\"error\""))
            }
            #expect(harness.upstreamCalls(key: broken).count >= 1)
        }
    }

    @Test func fakeStreamSendsKeepAlivesThenTheWholeAnswer() async throws {
        let key = openAIKey("fake-stream")
        let fake = FakeGemini()
        fake.script(key, .slow(firstEventDelayMs: 2500, eventIntervalMs: 0, events: 1))
        let environment = ["FAKE_STREAM_ENABLED": "true", "FAKE_STREAM_EMPTY_DATA_INTERVAL_SECONDS": "1"]
        try await GatewayHarness.run(keys: [key], environment: environment, fake: fake) { harness in
            let reply = try await harness.chat("fake it", stream: true, extra: ["stream_options": ["include_usage": true]])
            #expect(reply.status == 200)
            let chunks = reply.jsonEvents
            let keepAlives = chunks.prefix { $0["choices"]?.arrayValue?.isEmpty == true && $0["usage"]?.isNull != false }
            #expect(keepAlives.count >= 2)
            #expect(reply.streamedContent == "Echo: fake it")
            #expect(chunks.contains { $0["choices"]?[0]?["finish_reason"]?.stringValue == "stop" })
            #expect(chunks.last?["usage"]?["total_tokens"] != nil)
            #expect(reply.events.last == "[DONE]")
            // Upstream was asked for a whole answer.
            #expect(harness.upstreamCalls(key: key).first?.path.hasSuffix(":generateContent") == true)
        }
    }

    @Test func fakeStreamFailingFastIsAPlainHTTPError() async throws {
        let key = openAIKey("fake-stream-429")
        let fake = FakeGemini()
        fake.script(key, .quotaPerMinute(retryDelaySeconds: 30))
        try await GatewayHarness.run(keys: [key], environment: ["FAKE_STREAM_ENABLED": "true"], fake: fake) { harness in
            let reply = try await harness.chat("hi", stream: true)
            #expect(reply.status == 429)
            #expect(reply.header("retry-after") != nil)
        }
    }
}
