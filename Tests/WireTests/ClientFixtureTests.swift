import Foundation
import Testing
@testable import Wire

/// Recorded-shape request bodies of real clients, converted end to end: the Gemini body must use
/// only fields Gemini accepts and keep what the client meant.
@Suite("Client fixtures")
struct ClientFixtureTests {
    static let settings = ChatConversionSettings(
        modelLists: ModelListSettings(searchModels: ["gemini-2.5-flash", "gemini-2.5-pro"], thinkingModels: ["gemini-2.5-flash"]),
        showThinkingProcess: true,
        safetySettings: [["category": "HARM_CATEGORY_HARASSMENT", "threshold": "OFF"]])

    static let fetchAnything: MediaFetcher = { _ in FetchedMedia(mimeType: "image/jpeg", base64Data: "/9j/4AAQ") }

    private func convert(_ name: String) async throws -> ChatRequestPlan {
        let plan = try await Support.convert(Support.fixture(name), settings: Self.settings, fetch: Self.fetchAnything)
        #expect(GeminiRequestFields.unknownFields(in: plan.body) == [], "\(name)")
        // Every content has parts, every part one field (plus thought metadata).
        for content in plan.body.contents {
            let parts = content["parts"]?.arrayValue ?? []
            #expect(!parts.isEmpty, "\(name): empty parts")
            for part in parts {
                let data = (part.objectValue ?? [:]).keys.filter { $0 != "thoughtSignature" && $0 != "thought" }
                #expect(data.count == 1, "\(name): part \(part)")
            }
            #expect(content["role"] == "user" || content["role"] == "model")
        }
        #expect(plan.body.contents.first?["role"] == "user", "\(name)")
        // JSON written for upstream parses back to the same body.
        #expect(try JSONValue.parse(plan.body.serialized()) == plan.body)
        return plan
    }

    @Test func cherryStudio() async throws {
        let plan = try await convert("cherry-studio-stream")
        #expect(plan.stream && plan.includeUsage)
        #expect(plan.upstreamModel == "gemini-2.5-flash")
        let body = plan.body
        #expect(body["systemInstruction"] == ["parts": [["text": "You are a helpful assistant. Today is 2025-11-02."]]])
        #expect(body.contents.map { $0["role"] } == ["user", "model", "user"])
        #expect(body.contents[0]["parts"]?[1]?["inlineData"]?["mimeType"] == "image/png")
        #expect(body.contents[1]["parts"] == [
            ["text": "Let me check the weather first."],
            ["functionCall": ["name": "mcp__weather__get_forecast", "args": ["city": "Paris", "days": 1]]],
        ])
        #expect(body.contents[2]["parts"]?[0]?["functionResponse"]?["name"] == "mcp__weather__get_forecast")
        #expect(body.contents[2]["parts"]?[0]?["functionResponse"]?["response"]?["city"] == "Paris")
        #expect(body.contents[2]["parts"]?[1] == ["text": "Thanks. Now a short summary please."])
        let declarations = body["tools"]?[0]?["functionDeclarations"]
        #expect(declarations?[0]?["parametersJsonSchema"]?["$schema"] == nil)
        #expect(declarations?[0]?["parametersJsonSchema"]?["additionalProperties"] == false)
        #expect(declarations?[1] == ["name": "mcp__time__now", "description": "Current time"])
        #expect(body["toolConfig"] == ["functionCallingConfig": ["mode": "AUTO"]])
        #expect(body["generationConfig"] == [
            "temperature": 1, "topP": 1,
            "thinkingConfig": ["thinkingBudget": 8192, "includeThoughts": true],
        ])
        #expect(body["safetySettings"] == [["category": "HARM_CATEGORY_HARASSMENT", "threshold": "OFF"]])
    }

    @Test func lobeChat() async throws {
        let plan = try await convert("lobechat")
        let body = plan.body
        #expect(body.contents[0]["parts"] == [["text": "请描述这张图片"], ["inlineData": ["mimeType": "image/jpeg", "data": "/9j/4AAQ"]]])
        #expect(body.contents[1]["parts"] == [["text": "这是一张黄昏时分海边的照片。"]])
        #expect(body["generationConfig"] == [
            "temperature": 1, "topP": 1, "maxOutputTokens": 8192,
            "thinkingConfig": ["thinkingBudget": 24576, "includeThoughts": true],
        ])
    }

    @Test func sillyTavern() async throws {
        let plan = try await convert("sillytavern")
        #expect(!plan.stream)
        let body = plan.body
        let system = try #require(body["systemInstruction"]?["parts"]?[0]?["text"]?.stringValue)
        #expect(system.hasPrefix("Write Seraphina's next reply"))
        #expect(system.contains("You're in my glade"))
        #expect(system.hasSuffix("[Author's note: keep replies under 150 words]"))
        #expect(body.contents.map { $0["role"] } == ["user", "model", "user", "model", "user", "model"])
        #expect(body.contents[0] == ["role": "user", "parts": [["text": " "]]])
        #expect(body.contents[2]["parts"] == [["text": "Who are you?"], ["text": "*looks around nervously*"]])
        #expect(body.contents[3]["parts"] == [["text": "*She tilts her head.*"], ["text": "I am Seraphina, guardian of this forest."]])
        // The unfinished reply stays a model turn for the model to continue.
        #expect(body.contents.last == ["role": "model", "parts": [["text": "*Seraphina brushes a leaf from your shoulder and"]]])
        #expect(body["generationConfig"] == [
            "temperature": 1.15, "maxOutputTokens": 600, "presencePenalty": 0.2, "topP": 0.95, "topK": 40,
            "stopSequences": ["\nAlex:", "\n*Alex", "<|im_end|>", "</s>", "\nUser:"],
            "candidateCount": 1,
            "thinkingConfig": ["includeThoughts": true],
        ])
    }

    @Test func nextChat() async throws {
        let plan = try await convert("nextchat")
        let body = plan.body
        #expect(body["systemInstruction"]?["parts"]?[0]?["text"]?.stringValue?.contains("Latex inline") == true)
        #expect(body.contents.count == 3)
        // Zero penalties are not sent; gemini-2.0-flash gets no thinking config.
        #expect(body["generationConfig"] == ["temperature": 0.5, "topP": 1])
    }

    @Test func openAISDKParallelToolsOnGemini3() async throws {
        let plan = try await convert("openai-sdk-parallel-tools")
        let body = plan.body
        #expect(body["systemInstruction"] == ["parts": [["text": "You are a travel assistant. Use the tools."]]])
        #expect(body.contents[1]["parts"] == [
            ["functionCall": ["name": "get_weather", "args": ["city": "Paris", "unit": "celsius"]], "thoughtSignature": "skip_thought_signature_validator"],
            ["functionCall": ["name": "get_weather", "args": ["city": "Tokyo", "unit": "celsius"]]],
        ])
        #expect(body.contents[2]["parts"] == [
            ["functionResponse": ["name": "get_weather", "response": ["output": "14 degrees and raining"]]],
            ["functionResponse": ["name": "get_weather", "response": ["temp": 21, "sky": "clear"]]],
        ])
        let declaration = body["tools"]?[0]?["functionDeclarations"]?[0]
        #expect(declaration?["parametersJsonSchema"]?["additionalProperties"] == false)
        #expect(declaration?["strict"] == nil)
        // Gemini 3: penalties dropped, thinking by level.
        #expect(body["generationConfig"] == ["thinkingConfig": ["includeThoughts": true]])
    }

    @Test func openAISDKStructuredOutput() async throws {
        let plan = try await convert("openai-sdk-parse")
        let config = try #require(plan.body["generationConfig"])
        #expect(config["responseMimeType"] == "application/json")
        let schema = try #require(config["responseJsonSchema"])
        #expect(schema["$defs"] == nil)
        #expect(schema["properties"]?["participants"]?["items"] == [
            "properties": ["name": ["title": "Name", "type": "string"]],
            "required": ["name"], "title": "Participant", "type": "object", "additionalProperties": false,
        ])
        #expect(schema["additionalProperties"] == false)
        #expect(schema["required"] == ["name", "date", "participants"])
    }

    @Test func unknownFieldCheckerCatchesStrayFields() {
        let bad: JSONValue = [
            "contents": [["role": "user", "parts": [["text": "x", "name": "Alex"]]]],
            "generationConfig": ["top_a": 0.1, "thinkingConfig": ["budget": 1]],
            "user": "u",
            "system_instruction": ["parts": [["text": "ok"]]],
        ]
        #expect(GeminiRequestFields.unknownFields(in: bad) == [
            "user", "contents[0].parts[0].name", "generationConfig.top_a", "generationConfig.thinkingConfig.budget",
        ])
    }
}
