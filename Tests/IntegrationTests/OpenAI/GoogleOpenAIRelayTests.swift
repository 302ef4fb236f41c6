import AsyncHTTPClient
import FakeGemini
import Foundation
import Gateway
import Testing
import Wire

/// Issue 3, item 1: `/openai/v1` relays to Google's OpenAI-compatible endpoint on the key pool.
@Suite struct GoogleOpenAIRelayTests {
    @Test func modelsLoseTheirPrefix() async throws {
        let key = openAIKey("relay-models")
        try await GatewayHarness.run(keys: [key]) { harness in
            let list = try await harness.get("/openai/v1/models", token: harness.token)
            #expect(list.status == 200)
            let ids = list.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(ids.contains("gemini-2.5-flash"))
            #expect(!ids.contains { $0.hasPrefix("models/") })
            #expect(!ids.contains("chat-bison-001"))
            #expect(list.json?["data"]?.arrayValue?.allSatisfy { $0["created"]?.intValue != nil } == true)
            let one = try await harness.get("/openai/v1/models/gemini-2.5-pro", token: harness.token)
            #expect(one.json?["id"]?.stringValue == "gemini-2.5-pro")
            #expect(one.json?["object"]?.stringValue == "model")
            let call = try #require(harness.upstreamCalls(key: key).first)
            #expect(call.path.hasPrefix("/v1beta/openai/models"))
            #expect(call.headers.authorization == "Bearer \(key)")
        }
    }

    @Test func chatWholeAndStreamed() async throws {
        let key = openAIKey("relay-chat")
        try await GatewayHarness.run(keys: [key]) { harness in
            let whole = try await harness.chat("relay me", prefix: "/openai/v1")
            #expect(whole.status == 200, "\(whole.body)")
            #expect(whole.json?["choices"]?[0]?.value(at: "message", "content")?.stringValue == "Echo: relay me")

            let streamed = try await harness.chat(
                "relay me", stream: true, prefix: "/openai/v1", extra: ["stream_options": ["include_usage": true]])
            #expect(streamed.status == 200)
            #expect(streamed.streamedContent == "Echo: relay me")
            #expect(streamed.events.last == "[DONE]")
            #expect(streamed.events.filter { $0 == "[DONE]" }.count == 1)
            #expect(streamed.jsonEvents.contains { $0["usage"]?["total_tokens"] != nil })
            #expect(harness.upstreamCalls(key: key).allSatisfy { $0.path == "/v1beta/openai/chat/completions" })
        }
    }

    @Test func googleErrorsBecomeOpenAIErrors() async throws {
        let good = openAIKey("relay-err")
        try await GatewayHarness.run(keys: [good]) { harness in
            let unknown = try await harness.chat("x", model: "gemini-0-nonexistent", prefix: "/openai/v1")
            #expect(unknown.status == 404)
            #expect(unknown.json?["error"]?["type"]?.stringValue == "invalid_request_error")
            #expect(unknown.json?["error"]?["message"]?.stringValue?.isEmpty == false)
            #expect(unknown.json?.arrayValue == nil)
        }
        let cooling = openAIKey("relay-429")
        let fake = FakeGemini()
        fake.script(cooling, .quotaPerMinute(retryDelaySeconds: 20))
        try await GatewayHarness.run(keys: [cooling], fake: fake) { harness in
            let limited = try await harness.chat("x", prefix: "/openai/v1")
            #expect(limited.status == 429)
            #expect(limited.header("retry-after") != nil)
            #expect(limited.json?["error"]?["type"]?.stringValue == "rate_limit_error")
        }
    }

    @Test func streamCutIsReported() async throws {
        let key = openAIKey("relay-cut")
        let fake = FakeGemini()
        fake.script(key, .streamCut(afterEvents: 1))
        try await GatewayHarness.run(keys: [key], fake: fake) { harness in
            let reply = try await harness.chat("please stream", stream: true, prefix: "/openai/v1")
            #expect(reply.status == 200)
            #expect(reply.events.last == "[DONE]")
            #expect(JSONValue(parsing: reply.events[reply.events.count - 2])?["error"] != nil)
        }
    }

    @Test func embeddings() async throws {
        try await GatewayHarness.run(keys: [openAIKey("relay-emb")]) { harness in
            let reply = try await harness.openAIPost("/openai/v1/embeddings", ["model": "text-embedding-004", "input": "hello"])
            #expect(reply.status == 200)
            #expect(reply.json?["data"]?[0]?["embedding"]?.arrayValue?.isEmpty == false)
        }
    }
}

/// `GET /v1/models` serves OpenAI clients and Google's SDK (whose default API version is v1).
@Suite struct ModelListDialectTests {
    @Test func eachClientGetsItsShape() async throws {
        try await GatewayHarness.run(keys: [openAIKey("dialect")]) { harness in
            let openAI = try await harness.get("/v1/models", token: harness.token)
            #expect(openAI.json?["object"]?.stringValue == "list")
            let ids = openAI.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(ids.contains("gemini-2.5-flash") && ids.contains("gemini-2.5-flash-search"))
            #expect(!ids.contains("chat-bison-001"))

            for (path, headers) in [
                ("/v1/models", [("x-goog-api-key", harness.token)]),
                ("/v1/models?key=\(harness.token)", []),
                ("/v1/models", [("Authorization", "Bearer \(harness.token)"), ("x-goog-api-client", "google-genai-sdk/1.0 gl-python/3.12")]),
            ] {
                let reply = try await harness.rawGet(path, headers: headers)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.json?["models"]?[0]?["name"]?.stringValue?.hasPrefix("models/") == true, "\(path) \(headers)")
            }
            let nativeOne = try await harness.rawGet("/v1/models/gemini-2.5-flash", headers: [("x-goog-api-key", harness.token)])
            #expect(nativeOne.json?["name"]?.stringValue == "models/gemini-2.5-flash")
            let openAIOne = try await harness.get("/v1/models/gemini-2.5-flash-search", token: harness.token)
            #expect(openAIOne.json?["id"]?.stringValue == "gemini-2.5-flash-search")
            #expect(openAIOne.json?["object"]?.stringValue == "model")

            // /hf/v1 and bare /models are OpenAI's only.
            let hf = try await harness.rawGet("/hf/v1/models", headers: [("x-goog-api-key", harness.token)])
            #expect(hf.json?["object"]?.stringValue == "list")
            let bare = try await harness.get("/models", token: harness.token)
            #expect(bare.json?["object"]?.stringValue == "list")
        }
    }
}

extension GatewayHarness {
    /// A GET with exactly these headers.
    func rawGet(_ path: String, headers: [(String, String)]) async throws -> Reply {
        var request = HTTPClientRequest(url: baseURL + path)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        return Reply(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: String(buffer: body))
    }
}
