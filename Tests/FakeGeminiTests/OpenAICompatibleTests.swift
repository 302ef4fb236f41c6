import FakeGemini
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Google's OpenAI-compatible surface")
struct OpenAICompatibleTests {
    static let bearer: HTTPFields = [.authorization: "Bearer AIzaValid"]
    static let chat = "/v1beta/openai/chat/completions"

    @Test("models are listed with models/ ids")
    func models() async throws {
        try await withFake { _, client in
            let json = try await client.get("/v1beta/openai/models", headers: Self.bearer).json
            #expect(json["object"].string == "list")
            let ids = json["data"].array.compactMap { $0["id"].string }
            #expect(ids.count == 13)
            #expect(ids.allSatisfy { $0.hasPrefix("models/") })
            #expect(json["data"][0]["owned_by"].string == "google")
            let one = try await client.get("/v1beta/openai/models/gemini-2.5-flash", headers: Self.bearer)
            #expect(one.json["id"].string == "models/gemini-2.5-flash")
        }
    }

    @Test("a chat completion echoes the last user message with usage")
    func completion() async throws {
        try await withFake { _, client in
            let body = #"{"model": "models/gemini-2.0-flash", "messages": [{"role": "system", "content": "be nice"}, {"role": "user", "content": "hello there"}]}"#
            let json = try await client.post(Self.chat, body, headers: Self.bearer).json
            #expect(json["object"].string == "chat.completion")
            #expect(json["model"].string == "gemini-2.0-flash")
            #expect(json["choices"][0]["message"]["content"].string == "Echo: hello there")
            #expect(json["choices"][0]["finish_reason"].string == "stop")
            #expect(json["usage"]["prompt_tokens"].int == 4)
            #expect(json["usage"]["completion_tokens"].int == 3)
            #expect(json["usage"]["total_tokens"].int == 7)
        }
    }

    @Test("streaming: data: chunks with \\n\\n, finish on the last content chunk, usage chunk, [DONE]")
    func streaming() async throws {
        try await withFake { _, client in
            let body = #"{"model": "gemini-2.5-flash", "stream": true, "stream_options": {"include_usage": true}, "messages": [{"role": "user", "content": "hi there"}]}"#
            let response = try await client.post(Self.chat, body, headers: Self.bearer)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            var frames = response.text.components(separatedBy: "\n\n")
            #expect(frames.removeLast() == "")
            #expect(frames.last == "data: [DONE]")
            let chunks = frames.dropLast().map { JSON(parsing: String($0.dropFirst("data: ".count))) }
            #expect(chunks.count == 4)
            #expect(chunks.prefix(3).map { $0["choices"][0]["delta"]["content"].string ?? "" }.joined() == "Echo: hi there")
            #expect(chunks.prefix(3).map { $0["choices"][0]["finish_reason"].string } == [nil, nil, "stop"])
            #expect(chunks[3]["choices"].array.isEmpty)
            #expect(chunks[3]["usage"]["total_tokens"].exists)
        }
    }

    @Test("tools: tool_calls with the signature under extra_content.google")
    func toolCalls() async throws {
        try await withFake { _, client in
            let body = #"{"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "weather?"}], "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]}"#
            let json = try await client.post(Self.chat, body, headers: Self.bearer).json
            let choice = json["choices"][0]
            #expect(choice["finish_reason"].string == "tool_calls")
            let call = choice["message"]["tool_calls"][0]
            #expect(call["type"].string == "function")
            #expect(call["function"]["name"].string == "get_weather")
            #expect(JSON(parsing: call["function"]["arguments"].string ?? "")["city"].string == "sample")
            #expect(call["extra_content"]["google"]["thought_signature"].string != nil)
        }
    }

    @Test("Gemini 3 refuses a tool history without signatures, as an array-wrapped error")
    func gemini3Signatures() async throws {
        try await withFake { _, client in
            let body = #"""
                {"model": "gemini-3-pro-preview", "messages": [
                  {"role": "user", "content": "weather?"},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "{\"temp\": 20}"}
                ]}
                """#
            let response = try await client.post(Self.chat, body, headers: Self.bearer)
            #expect(response.status == .badRequest)
            #expect(response.text.hasPrefix("[{\n  \"error\""))
            #expect(response.json[0]["error"]["message"].string?.contains("default_api:get_weather") == true)
        }
    }

    @Test("errors are Google bodies wrapped in an array")
    func errors() async throws {
        try await withFake({ $0.script("AIzaBusy", .overloaded) }) { _, client in
            let invalid = try await client.post(Self.chat, #"{"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "x"}]}"#,
                                                headers: [.authorization: "Bearer wrong"])
            #expect(invalid.status == .badRequest)
            #expect(invalid.json[0]["error"]["details"][0]["reason"].string == "API_KEY_INVALID")
            let busy = try await client.post(Self.chat, #"{"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "x"}]}"#,
                                             headers: [.authorization: "Bearer AIzaBusy"])
            #expect(busy.status.code == 503)
            #expect(busy.json[0]["error"]["status"].string == "UNAVAILABLE")
            let unknownField = try await client.post(Self.chat, #"{"model": "gemini-2.5-flash", "google": {}, "messages": [{"role": "user", "content": "x"}]}"#,
                                                     headers: Self.bearer)
            #expect(unknownField.json[0]["error"]["message"].string == #"Invalid JSON payload received. Unknown name "google": Cannot find field."#)
            let effort = try await client.post(Self.chat, #"{"model": "gemini-2.5-flash", "reasoning_effort": "minimal", "messages": [{"role": "user", "content": "x"}]}"#,
                                               headers: Self.bearer)
            #expect(effort.json[0]["error"]["message"].string == "Invalid reasoning_effort: minimal. Valid values are: high, low, medium, none")
        }
    }

    @Test("embeddings as floats or base64 float32")
    func embeddings() async throws {
        try await withFake { _, client in
            let floats = try await client.post("/v1beta/openai/embeddings", #"{"model": "text-embedding-004", "input": ["a", "b"]}"#, headers: Self.bearer).json
            #expect(floats["data"].array.count == 2)
            #expect(floats["data"][1]["index"].int == 1)
            #expect(floats["data"][0]["embedding"].array.count == 768)
            let packed = try await client.post("/v1beta/openai/embeddings",
                #"{"model": "text-embedding-004", "input": "a", "encoding_format": "base64", "dimensions": 16}"#, headers: Self.bearer).json
            let data = try #require(Data(base64Encoded: packed["data"][0]["embedding"].string ?? ""))
            #expect(data.count == 16 * 4)
        }
    }
}
