import FakeGemini
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Deterministic answers")
struct AnswerTests {
    static func generate(_ model: String) -> String {
        "/v1beta/models/\(model):generateContent?key=AIzaValid"
    }

    static let weatherTools = #"""
        "tools": [{"functionDeclarations": [
          {"name": "get_weather", "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}, "days": {"type": "INTEGER"}, "unit": {"type": "STRING", "enum": ["C", "F"]}}}},
          {"name": "get_time", "parametersJsonSchema": {"type": "object", "properties": {"zone": {"type": ["string", "null"]}, "exact": {"type": "boolean"}}}}
        ]}]
        """#

    @Test("text echoes the last user text, with consistent usage and ids")
    func echo() async throws {
        try await withFake { _, client in
            let body = #"{"contents": [{"role": "user", "parts": [{"text": "first turn"}]}, {"role": "model", "parts": [{"text": "ok"}]}, {"role": "user", "parts": [{"text": "say three words"}]}]}"#
            let first = try await client.post(Self.generate("gemini-2.5-flash"), body).json
            #expect(first["candidates"][0]["content"]["parts"][0]["text"].string == "Echo: say three words")
            #expect(first["candidates"][0]["content"]["role"].string == "model")
            #expect(first["candidates"][0]["finishReason"].string == "STOP")
            #expect(first["candidates"][0]["index"].int == 0)
            #expect(first["modelVersion"].string == "gemini-2.5-flash")
            let usage = first["usageMetadata"]
            #expect(usage["promptTokenCount"].int == 6)
            #expect(usage["candidatesTokenCount"].int == 4)
            let thoughts = try #require(usage["thoughtsTokenCount"].int)
            #expect(usage["totalTokenCount"].int == 6 + 4 + thoughts)
            let second = try await client.post(Self.generate("gemini-2.5-flash"), body).json
            #expect(first["responseId"].string?.count == 22)
            #expect(first["responseId"].string != second["responseId"].string)
        }
    }

    @Test("2.0 models omit candidates[].index and do not think")
    func gemini20Shape() async throws {
        try await withFake { _, client in
            let json = try await client.post(Self.generate("gemini-2.0-flash"), chatBody("hi", extra: #""generationConfig": {"thinkingConfig": {"includeThoughts": true}}"#)).json
            #expect(!json["candidates"][0]["index"].exists)
            #expect(json["candidates"][0]["content"]["parts"].array.count == 1)
            #expect(!json["usageMetadata"]["thoughtsTokenCount"].exists)
            #expect(json["usageMetadata"]["totalTokenCount"].int == 3)  // 1 prompt word + 2 answer words
        }
    }

    @Test("includeThoughts on a thinking model puts a thought part first")
    func thoughts() async throws {
        try await withFake { _, client in
            let json = try await client.post(Self.generate("gemini-2.5-pro"), chatBody("hi", extra: #""generationConfig": {"thinkingConfig": {"includeThoughts": true}}"#)).json
            let parts = json["candidates"][0]["content"]["parts"].array
            #expect(parts.count == 2)
            #expect(parts[0]["thought"].bool == true)
            #expect(parts[1]["text"].string == "Echo: hi")
            #expect((json["usageMetadata"]["thoughtsTokenCount"].int ?? 0) > 0)
        }
    }

    @Test("declared functions are all called, with arguments from their schemas and one signature")
    func functionCalls() async throws {
        try await withFake { _, client in
            let json = try await client.post(Self.generate("gemini-2.5-flash"), chatBody("weather?", extra: Self.weatherTools)).json
            let candidate = json["candidates"][0]
            #expect(candidate["finishReason"].string == "STOP")
            #expect(candidate["finishMessage"].string == "Model generated function call(s).")
            let parts = candidate["content"]["parts"].array
            #expect(parts.map { $0["functionCall"]["name"].string ?? "" } == ["get_weather", "get_time"])
            let weather = parts[0]["functionCall"]["args"]
            #expect(weather["city"].string == "sample")
            #expect(weather["days"].int == 1)
            #expect(weather["unit"].string == "C")
            #expect(parts[1]["functionCall"]["args"]["exact"].bool == true)
            let signature = try #require(parts[0]["thoughtSignature"].string)
            #expect(Data(base64Encoded: signature) != nil)
            #expect(!parts[1]["thoughtSignature"].exists)

            let again = try await client.post(Self.generate("gemini-2.5-flash"), chatBody("weather?", extra: Self.weatherTools)).json
            #expect(again["candidates"][0]["content"]["parts"][0]["thoughtSignature"].string != signature)

            let old = try await client.post(Self.generate("gemini-2.0-flash"), chatBody("weather?", extra: Self.weatherTools)).json
            #expect(!old["candidates"][0]["content"]["parts"][0]["thoughtSignature"].exists)
        }
    }

    @Test("mode NONE and allowedFunctionNames are honoured")
    func functionCallingConfig() async throws {
        try await withFake { _, client in
            let none = try await client.post(Self.generate("gemini-2.5-flash"), chatBody("hi", extra: Self.weatherTools + #", "toolConfig": {"functionCallingConfig": {"mode": "NONE"}}"#)).json
            #expect(none["candidates"][0]["content"]["parts"][0]["text"].string == "Echo: hi")
            let onlyTime = try await client.post(Self.generate("gemini-2.5-flash"), chatBody("hi", extra: Self.weatherTools + #", "toolConfig": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["get_time"]}}"#)).json
            #expect(onlyTime["candidates"][0]["content"]["parts"].array.map { $0["functionCall"]["name"].string ?? "" } == ["get_time"])
        }
    }

    @Test("function responses are answered by naming each result")
    func functionResponses() async throws {
        try await withFake { _, client in
            let body = #"""
                {"contents": [
                  {"role": "user", "parts": [{"text": "weather and time?"}]},
                  {"role": "model", "parts": [{"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}}, {"functionCall": {"name": "get_time", "args": {}}}]},
                  {"role": "user", "parts": [{"functionResponse": {"name": "get_weather", "response": {"output": "sunny"}}}, {"function_response": {"name": "get_time", "response": {"output": "noon"}}}]}
                ]}
                """#
            let json = try await client.post(Self.generate("gemini-2.0-flash"), body).json
            #expect(json["candidates"][0]["content"]["parts"][0]["text"].string
                == #"Results: get_weather={"output":"sunny"}, get_time={"output":"noon"}"#)
        }
    }

    @Test("responseMimeType application/json answers a JSON object")
    func jsonMode() async throws {
        try await withFake { _, client in
            let json = try await client.post(Self.generate("gemini-2.5-flash"), chatBody("hello", extra: #""generationConfig": {"responseMimeType": "application/json"}"#)).json
            let text = try #require(json["candidates"][0]["content"]["parts"][0]["text"].string)
            #expect(JSON(parsing: text)["echo"].string == "hello")
        }
    }

    @Test("IMAGE modality and -image models add a PNG part")
    func imageParts() async throws {
        try await withFake { _, client in
            for (model, extra) in [("gemini-2.5-flash", #""generationConfig": {"responseModalities": ["TEXT", "IMAGE"]}"#), ("gemini-2.5-flash-image-preview", "")] {
                let parts = try await client.post(Self.generate(model), chatBody("a cat", extra: extra)).json["candidates"][0]["content"]["parts"].array
                let image = try #require(parts.first { $0["inlineData"].exists })
                #expect(image["inlineData"]["mimeType"].string == "image/png")
                let data = try #require(Data(base64Encoded: image["inlineData"]["data"].string ?? ""))
                #expect(try PNGCheck.validate(Array(data)).width == 32)
            }
        }
    }

    @Test("the TTS model answers audio only, and only when AUDIO is asked for")
    func speech() async throws {
        try await withFake { _, client in
            let audio = try await client.post(Self.generate("gemini-2.5-flash-preview-tts"), chatBody("say hi", extra: #""generationConfig": {"responseModalities": ["AUDIO"]}"#)).json
            let parts = audio["candidates"][0]["content"]["parts"].array
            #expect(parts.count == 1)
            #expect(parts[0]["inlineData"]["mimeType"].string == "audio/L16;codec=pcm;rate=24000")
            let pcm = try #require(Data(base64Encoded: parts[0]["inlineData"]["data"].string ?? ""))
            #expect(pcm.count == 12000)  // 0.25 s × 24 kHz × 2 bytes
            let text = try await client.post(Self.generate("gemini-2.5-flash-preview-tts"), chatBody("say hi"))
            #expect(text.status == .badRequest)
        }
    }

    @Test("maxOutputTokens cuts the answer and finishes with MAX_TOKENS")
    func maxTokens() async throws {
        try await withFake { _, client in
            let json = try await client.post(Self.generate("gemini-2.0-flash"), chatBody("one two three four", extra: #""generationConfig": {"maxOutputTokens": 2}"#)).json
            #expect(json["candidates"][0]["content"]["parts"][0]["text"].string == "Echo: one")
            #expect(json["candidates"][0]["finishReason"].string == "MAX_TOKENS")
            #expect(json["usageMetadata"]["candidatesTokenCount"].int == 2)
        }
    }

    @Test("a prompt containing FAKE_BLOCK_PROMPT is blocked: 200, promptFeedback, no candidates")
    func blockedPrompt() async throws {
        try await withFake { _, client in
            let response = try await client.post(Self.generate("gemini-2.5-flash"), chatBody("please FAKE_BLOCK_PROMPT"))
            #expect(response.status == .ok)
            #expect(response.json["promptFeedback"]["blockReason"].string == "SAFETY")
            #expect(!response.json["candidates"].exists)
        }
    }

    @Test("countTokens counts words")
    func countTokens() async throws {
        try await withFake { _, client in
            let plain = try await client.post("/v1beta/models/gemini-2.5-flash:countTokens?key=AIzaValid", chatBody("four words right here"))
            #expect(plain.json["totalTokens"].int == 4)
            let wrapped = try await client.post("/v1beta/models/gemini-2.5-flash:countTokens?key=AIzaValid",
                #"{"generateContentRequest": {"model": "models/gemini-2.5-flash", "contents": [{"parts": [{"text": "a b"}]}], "systemInstruction": {"parts": [{"text": "c"}]}}}"#)
            #expect(wrapped.json["totalTokens"].int == 3)
        }
    }
}
