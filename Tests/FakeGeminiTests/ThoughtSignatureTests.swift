import FakeGemini
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Gemini 3 thought signatures")
struct ThoughtSignatureTests {
    static let gemini3 = "/v1beta/models/gemini-3-pro-preview:generateContent?key=AIzaValid"
    static let tools = #""tools": [{"functionDeclarations": [{"name": "get_weather", "parameters": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}}}, {"name": "get_time"}]}]"#

    /// A history: user text, the model's two parallel calls (with the given signatures), the results.
    static func history(firstSignature: String?, secondSignature: String? = nil, earlierUnsignedTurn: Bool = false) -> String {
        func signature(_ value: String?) -> String { value.map { #", "thoughtSignature": "\#($0)""# } ?? "" }
        let earlier = earlierUnsignedTurn
            ? #"{"role": "user", "parts": [{"text": "earlier"}]}, {"role": "model", "parts": [{"functionCall": {"name": "get_time", "args": {}}}]}, {"role": "user", "parts": [{"functionResponse": {"name": "get_time", "response": {"output": "9"}}}]}, {"role": "model", "parts": [{"text": "It is 9."}]},"#
            : ""
        return #"""
            {"contents": [\#(earlier)
              {"role": "user", "parts": [{"text": "weather and time?"}]},
              {"role": "model", "parts": [{"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}\#(signature(firstSignature))}, {"functionCall": {"name": "get_time", "args": {}}\#(signature(secondSignature))}]},
              {"role": "user", "parts": [{"functionResponse": {"name": "get_weather", "response": {"output": "sunny"}}}, {"functionResponse": {"name": "get_time", "response": {"output": "noon"}}}]}
            ], \#(tools)}
            """#
    }

    @Test("a signature the fake issued, sent back on the first call, is accepted")
    func roundTrip() async throws {
        try await withFake { _, client in
            let calls = try await client.post(Self.gemini3, chatBody("weather and time?", extra: Self.tools)).json
            let signature = try #require(calls["candidates"][0]["content"]["parts"][0]["thoughtSignature"].string)
            let answer = try await client.post(Self.gemini3, Self.history(firstSignature: signature))
            #expect(answer.status == .ok)
            #expect(answer.json["candidates"][0]["content"]["parts"][0]["text"].string?.hasPrefix("Results: get_weather=") == true)
        }
    }

    @Test("a missing signature on the first functionCall is 400 with Google's message")
    func missingSignature() async throws {
        try await withFake { _, client in
            let response = try await client.post(Self.gemini3, Self.history(firstSignature: nil))
            #expect(response.status == .badRequest)
            let message = try #require(response.json["error"]["message"].string)
            #expect(message.hasPrefix("Function call is missing a thought_signature in functionCall parts."))
            #expect(message.contains("function call `default_api:get_weather` , position 2."))
        }
    }

    @Test("a signature on the second call only does not count")
    func signatureOnSecondCallOnly() async throws {
        try await withFake { _, client in
            let response = try await client.post(Self.gemini3, Self.history(firstSignature: nil, secondSignature: "skip_thought_signature_validator"))
            #expect(response.status == .badRequest)
        }
    }

    @Test("an invented signature is 'Corrupted thought signature.'")
    func inventedSignature() async throws {
        try await withFake { _, client in
            let response = try await client.post(Self.gemini3, Self.history(firstSignature: "Q29ycnVwdGVk"))
            #expect(response.status == .badRequest)
            #expect(response.json["error"]["message"].string == "Corrupted thought signature.")
        }
    }

    @Test("the documented skip value is accepted")
    func skipValue() async throws {
        try await withFake { _, client in
            let response = try await client.post(Self.gemini3, Self.history(firstSignature: "skip_thought_signature_validator"))
            #expect(response.status == .ok)
        }
    }

    @Test("only the current turn is checked; 2.5 models do not check at all")
    func scope() async throws {
        try await withFake { _, client in
            let earlierUnsigned = Self.history(firstSignature: "skip_thought_signature_validator", earlierUnsignedTurn: true)
            let earlier = try await client.post(Self.gemini3, earlierUnsigned)
            #expect(earlier.status == .ok)
            let gemini25 = try await client.post("/v1beta/models/gemini-2.5-flash:generateContent?key=AIzaValid", Self.history(firstSignature: nil))
            #expect(gemini25.status == .ok)
        }
    }
}
