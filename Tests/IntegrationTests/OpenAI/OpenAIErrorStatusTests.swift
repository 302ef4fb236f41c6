import FakeGemini
import Foundation
import Gateway
import Testing
import Wire

/// Issue 3, item 8: errors in OpenAI's shape with the right status and retry headers.
@Suite struct OpenAIErrorStatusTests {
    @Test func badTokenIs401() async throws {
        try await GatewayHarness.run(keys: [openAIKey("st-401")]) { harness in
            for path in ["/v1/chat/completions", "/hf/v1/chat/completions", "/openai/v1/chat/completions", "/chat/completions"] {
                let reply = try await harness.openAIPost(path, ["model": "gemini-2.5-flash", "messages": []], token: "sk-wrong")
                #expect(reply.status == 401, "\(path)")
                #expect(reply.openAIError?["code"]?.stringValue == "invalid_api_key")
                #expect(reply.openAIError?["type"]?.stringValue == "invalid_request_error")
            }
            #expect(harness.fake.requests().isEmpty)
        }
    }

    @Test func geminiBadRequestPassesThroughWithoutRetry() async throws {
        let keys = [openAIKey("st-400-a"), openAIKey("st-400-b")]
        try await GatewayHarness.run(keys: keys) { harness in
            let reply = try await harness.chat("hi", extra: [
                "extra_body": ["google": ["thinking_config": ["thinking_budget": 99999]]],
            ])
            #expect(reply.status == 400, "\(reply.body)")
            #expect(reply.openAIError?["message"]?.stringValue?.contains("thinking budget (99999) is invalid") == true)
            #expect(reply.openAIError?["type"]?.stringValue == "invalid_request_error")
            #expect(harness.fake.requests().count == 1)
            for key in keys { #expect(harness.snapshot(key)?.record.consecutiveFailures == 0) }
        }
    }

    @Test func conversionErrorsNameTheParameter() async throws {
        try await GatewayHarness.run(keys: [openAIKey("st-conv")]) { harness in
            let noMessages = try await harness.openAIPost("/v1/chat/completions", ["model": "gemini-2.5-flash"])
            #expect(noMessages.status == 400)
            #expect(noMessages.openAIError?["param"]?.stringValue == "messages")
            let badArguments = try await harness.openAIPost("/v1/chat/completions", [
                "model": "gemini-2.5-flash",
                "messages": [
                    ["role": "user", "content": "x"],
                    ["role": "assistant", "tool_calls": [["id": "call_1", "type": "function",
                                                          "function": ["name": "f", "arguments": "{not json"]]]],
                    ["role": "tool", "tool_call_id": "call_1", "content": "r"],
                ],
            ])
            #expect(badArguments.status == 400)
            #expect(badArguments.openAIError?["param"]?.stringValue?.hasPrefix("messages[1]") == true)
            let notJSON = try await harness.post(
                "/v1/chat/completions", body: "{", token: nil, headers: [("Authorization", "Bearer \(harness.token)")])
            #expect(notJSON.status == 400)
            #expect(harness.fake.requests().isEmpty)
        }
    }

    @Test func unknownAndFilteredModelsAre404() async throws {
        try await GatewayHarness.run(keys: [openAIKey("st-404")]) { harness in
            let unknown = try await harness.chat("hi", model: "gemini-0-nonexistent")
            #expect(unknown.status == 404)
            #expect(unknown.openAIError?["code"]?.stringValue == "model_not_found")
            #expect(harness.fake.requests().count == 1)

            let filtered = try await harness.chat("hi", model: "chat-bison-001")
            #expect(filtered.status == 404)
            #expect(filtered.openAIError?["param"]?.stringValue == "model")
            let notOffered = try await harness.chat("hi", model: "gemini-2.0-flash-search")
            #expect(notOffered.status == 404)
            #expect(harness.fake.requests().count == 1)

            let retrieve = try await harness.get("/v1/models/gemini-0-nonexistent", token: harness.token)
            #expect(retrieve.status == 404)
            #expect(retrieve.openAIError?["code"]?.stringValue == "model_not_found")
        }
    }

    @Test func everyKeyCoolingIs429WithRetryAfter() async throws {
        let keys = [openAIKey("st-429-a"), openAIKey("st-429-b")]
        let fake = FakeGemini()
        for key in keys { fake.script(key, .quotaPerMinute(retryDelaySeconds: 40)) }
        try await GatewayHarness.run(keys: keys, fake: fake) { harness in
            for stream in [false, true] {
                let reply = try await harness.chat("hi", stream: stream)
                #expect(reply.status == 429, "\(reply.body)")
                #expect(reply.openAIError?["type"]?.stringValue == "rate_limit_error")
                let retryAfter = Int(reply.header("retry-after") ?? "") ?? 0
                #expect(retryAfter > 30 && retryAfter <= 41)
                #expect(reply.header("x-should-retry") == "false")
            }
            // The first call tried both keys; the second found them all resting and sent nothing.
            #expect(fake.requests().count == 2)
        }
    }

    @Test func noValidKeyIs503() async throws {
        let keys = [openAIKey("st-503-a"), openAIKey("st-503-b")]
        let fake = FakeGemini()
        for key in keys { fake.script(key, .invalidKey) }
        try await GatewayHarness.run(keys: keys, environment: ["MAX_FAILURES": "1"], fake: fake) { harness in
            for _ in 0..<2 {
                let reply = try await harness.chat("hi")
                #expect(reply.status == 503, "\(reply.body)")
                #expect(reply.openAIError?["type"]?.stringValue == "server_error")
                #expect(reply.header("x-should-retry") == "false")
            }
            #expect(fake.requests().count == 2)
        }
    }

    @Test func overloadOnEveryKeyIs503WithoutClientRetry() async throws {
        let keys = [openAIKey("st-ovl-a"), openAIKey("st-ovl-b")]
        let fake = FakeGemini()
        for key in keys { fake.script(key, .overloaded) }
        try await GatewayHarness.run(keys: keys, fake: fake) { harness in
            let reply = try await harness.chat("hi")
            #expect(reply.status == 503)
            #expect(reply.header("x-should-retry") == "false")
            #expect(fake.requests().count == 2)
        }
    }
}
