import FakeGemini
import Foundation
import Gateway
import Testing
import Wire

/// Issue 3: chat completions converted to Gemini and back, through the fake, whole and streamed.
@Suite struct OpenAIChatTests {
    @Test func wholeAnswerWithSystemInstructionOnEveryPrefix() async throws {
        let key = openAIKey("chat-whole")
        try await GatewayHarness.run(keys: [key]) { harness in
            for prefix in ["/v1", "/hf/v1", ""] {
                let reply = try await harness.openAIPost("\(prefix)/chat/completions", [
                    "model": "gemini-2.0-flash",
                    "messages": [
                        ["role": "system", "content": "Answer briefly."],
                        ["role": "user", "content": "hello there"],
                    ],
                    "user": "someone", "metadata": ["x": "y"], "store": false,
                ])
                #expect(reply.status == 200, "\(prefix): \(reply.body)")
                let choice = try #require(reply.json?["choices"]?[0])
                #expect(choice.value(at: "message", "content")?.stringValue == "Echo: hello there")
                #expect(choice["finish_reason"]?.stringValue == "stop")
                #expect(reply.json?["object"]?.stringValue == "chat.completion")
                #expect(reply.json?["model"]?.stringValue == "gemini-2.0-flash")
                #expect((reply.json?.value(at: "usage", "total_tokens")?.intValue ?? 0) > 0)
            }
            let sent = harness.upstreamBodies(key: key)
            #expect(sent.count == 3)
            for body in sent {
                #expect(body.value(at: "systemInstruction", "parts")?[0]?["text"]?.stringValue == "Answer briefly.")
                // Fields Gemini does not know never leave the gateway.
                #expect(body["user"] == nil && body["metadata"] == nil && body["store"] == nil)
            }
            #expect(harness.upstreamCalls(key: key).allSatisfy { $0.path.hasSuffix("models/gemini-2.0-flash:generateContent") })
        }
    }

    @Test func streamWithUsageEndsWithDone() async throws {
        let key = openAIKey("chat-stream")
        try await GatewayHarness.run(keys: [key]) { harness in
            let reply = try await harness.chat(
                "stream me please", stream: true, extra: ["stream_options": ["include_usage": true]])
            #expect(reply.status == 200)
            #expect(reply.header("content-type")?.hasPrefix("text/event-stream") == true)
            #expect(reply.events.last == "[DONE]")
            #expect(reply.body.hasSuffix("data: [DONE]\n\n"))
            #expect(reply.streamedContent == "Echo: stream me please")
            let chunks = reply.jsonEvents
            #expect(chunks.first?["choices"]?[0]?.value(at: "delta", "role")?.stringValue == "assistant")
            let finishes = chunks.compactMap { $0["choices"]?[0]?["finish_reason"]?.stringValue }
            #expect(finishes == ["stop"])
            let usage = try #require(chunks.last?["usage"])
            #expect(chunks.last?["choices"]?.arrayValue?.isEmpty == true)
            #expect((usage["completion_tokens"]?.intValue ?? 0) > 0)
            // Thinking (2.5 Flash) streams reasoning before the answer.
            let kinds = chunks.compactMap { chunk -> String? in
                let delta = chunk["choices"]?[0]?["delta"]
                if delta?["reasoning_content"]?.stringValue != nil { return "reasoning" }
                if let text = delta?["content"]?.stringValue, !text.isEmpty { return "content" }
                return nil
            }
            #expect(kinds.first == "reasoning" && kinds.last == "content")
            #expect(harness.upstreamCalls(key: key).first?.query["alt"] == "sse")
        }
    }

    @Test func parallelToolCallsRoundTrip() async throws {
        let key = openAIKey("chat-tools")
        let tools: JSONValue = [
            ["type": "function", "function": [
                "name": "get_weather", "description": "Weather for a city", "strict": true,
                "parameters": ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"],
                               "additionalProperties": false],
            ]],
            ["type": "function", "function": [
                "name": "get_time", "parameters": ["type": "object", "properties": ["zone": ["type": "string"]]],
            ]],
        ]
        try await GatewayHarness.run(keys: [key]) { harness in
            let question: JSONValue = ["role": "user", "content": "Weather and time in Paris?"]
            let first = try await harness.openAIPost("/v1/chat/completions", [
                "model": "gemini-2.5-flash", "messages": [question], "tools": tools, "parallel_tool_calls": true,
            ])
            #expect(first.status == 200, "\(first.body)")
            let choice = try #require(first.json?["choices"]?[0])
            #expect(choice["finish_reason"]?.stringValue == "tool_calls")
            let calls = try #require(choice.value(at: "message", "tool_calls")?.arrayValue)
            #expect(calls.compactMap { $0.value(at: "function", "name")?.stringValue } == ["get_weather", "get_time"])

            var messages: [JSONValue] = [question, ["role": "assistant", "content": .null, "tool_calls": .array(calls)]]
            for call in calls {
                messages.append([
                    "role": "tool", "tool_call_id": call["id"] ?? .null,
                    "content": .string(#"{"answer":"\#(call.value(at: "function", "name")?.stringValue ?? "")"}"#),
                ])
            }
            let second = try await harness.openAIPost("/v1/chat/completions", [
                "model": "gemini-2.5-flash", "messages": .array(messages), "tools": tools,
            ])
            #expect(second.status == 200, "\(second.body)")
            let answer = second.json?["choices"]?[0]?.value(at: "message", "content")?.stringValue ?? ""
            #expect(answer.hasPrefix("Results: get_weather="))

            let sent = try #require(harness.upstreamBodies(key: key).last)
            let contents = try #require(sent["contents"]?.arrayValue)
            let responses = try #require(contents.last?["parts"]?.arrayValue)
            #expect(contents.last?["role"]?.stringValue == "user")
            #expect(responses.compactMap { $0.value(at: "functionResponse", "name")?.stringValue } == ["get_weather", "get_time"])
            let modelTurn = contents[contents.count - 2]
            #expect(modelTurn["parts"]?.arrayValue?.compactMap { $0.value(at: "functionCall", "name")?.stringValue }
                == ["get_weather", "get_time"])
        }
    }

    @Test func jsonSchemaReachesGeminiAsResponseSchema() async throws {
        let key = openAIKey("chat-schema")
        try await GatewayHarness.run(keys: [key]) { harness in
            let reply = try await harness.chat("give json", extra: [
                "response_format": ["type": "json_schema", "json_schema": [
                    "name": "answer", "strict": true,
                    "schema": ["type": "object", "properties": ["echo": ["type": "string"]], "required": ["echo"],
                               "additionalProperties": false],
                ]],
            ])
            #expect(reply.status == 200, "\(reply.body)")
            let content = reply.json?["choices"]?[0]?.value(at: "message", "content")?.stringValue ?? ""
            #expect(JSONValue(parsing: content)?["echo"]?.stringValue == "give json")
            let config = try #require(harness.upstreamBodies(key: key).last?["generationConfig"])
            #expect(config["responseMimeType"]?.stringValue == "application/json")
            #expect(config["responseJsonSchema"] != nil || config["responseSchema"] != nil)
        }
    }

    @Test func imageAsDataURLReachesGeminiInline() async throws {
        let key = openAIKey("chat-image")
        let pixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        try await GatewayHarness.run(keys: [key]) { harness in
            let reply = try await harness.openAIPost("/v1/chat/completions", [
                "model": "gemini-2.5-flash",
                "messages": [["role": "user", "content": [
                    ["type": "text", "text": "what is this"],
                    ["type": "image_url", "image_url": ["url": .string("data:image/png;base64,\(pixel)"), "detail": "high"]],
                ]]],
            ])
            #expect(reply.status == 200, "\(reply.body)")
            let parts = try #require(harness.upstreamBodies(key: key).last?["contents"]?[0]?["parts"]?.arrayValue)
            #expect(parts.contains { $0.value(at: "inlineData", "data")?.stringValue == pixel })
        }
    }

    @Test func embeddingsImagesAndSpeech() async throws {
        let key = openAIKey("media-endpoints")
        try await GatewayHarness.run(keys: [key]) { harness in
            let floats = try await harness.openAIPost("/v1/embeddings", [
                "model": "text-embedding-004", "input": ["one", "two"], "encoding_format": "float",
            ])
            let base64 = try await harness.openAIPost("/hf/v1/embeddings", [
                "model": "text-embedding-004", "input": ["one", "two"], "encoding_format": "base64",
            ])
            #expect(floats.status == 200 && base64.status == 200)
            let vector = floats.json?["data"]?[1]?["embedding"]?.arrayValue?.compactMap(\.doubleValue) ?? []
            let decoded = Float32Base64.decode(base64.json?["data"]?[1]?["embedding"]?.stringValue ?? "") ?? []
            #expect(!vector.isEmpty && vector.map(Float.init) == decoded)
            #expect(harness.upstreamCalls(key: key).first?.path.hasSuffix(":batchEmbedContents") == true)

            let image = try await harness.openAIPost("/v1/images/generations", ["prompt": "a red square", "n": 1, "size": "1024x1024"])
            #expect(image.status == 200, "\(image.body)")
            let png = Data(base64Encoded: image.json?["data"]?[0]?["b64_json"]?.stringValue ?? "") ?? Data()
            #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            #expect(harness.upstreamCalls(key: key).last?.path.hasSuffix("imagen-3.0-generate-002:predict") == true)

            let speech = try await harness.openAIPost("/v1/audio/speech", ["model": "tts-1", "input": "Hello", "voice": "alloy"])
            #expect(speech.status == 200)
            #expect(speech.header("content-type") == "audio/wav")
            #expect(speech.body.utf8.starts(with: "RIFF".utf8))
            let ttsBody = try #require(harness.upstreamBodies(key: key).last)
            #expect(ttsBody.value(at: "generationConfig", "speechConfig", "voiceConfig", "prebuiltVoiceConfig", "voiceName")?
                .stringValue == "Kore")
        }
    }

    /// Google refuses more than 100 inputs per batchEmbedContents call (the fake does too).
    @Test func embeddingsOfMoreThan100InputsAreSentInBatches() async throws {
        let key = openAIKey("embed-batches")
        try await GatewayHarness.run(keys: [key]) { harness in
            let texts = (0..<230).map { JSONValue.string("text \($0)") }
            let reply = try await harness.openAIPost("/v1/embeddings", ["model": "text-embedding-004", "input": .array(texts)])
            #expect(reply.status == 200, "\(reply.body)")
            let data = reply.json?["data"]?.arrayValue ?? []
            #expect(data.compactMap { $0["index"]?.intValue } == Array(0..<230))
            let calls = harness.upstreamCalls(key: key).filter { $0.path.hasSuffix(":batchEmbedContents") }
            #expect(calls.count == 3)
            // The vector for an input is the one the fake gives that text alone.
            let single = try await harness.openAIPost("/v1/embeddings", ["model": "text-embedding-004", "input": "text 150"])
            #expect(data.count == 230 && data[150]["embedding"] == single.json?["data"]?[0]?["embedding"])
        }
    }

    @Test func paidKeyServesImageGeneration() async throws {
        let pool = openAIKey("img-pool")
        let paid = openAIKey("img-paid")
        try await GatewayHarness.run(keys: [pool], environment: ["PAID_KEY": paid]) { harness in
            let image = try await harness.openAIPost("/v1/images/generations", ["prompt": "a cat"])
            #expect(image.status == 200)
            #expect(harness.upstreamCalls(key: paid).count == 1)
            #expect(harness.upstreamCalls(key: pool).isEmpty)
        }
    }
}
