import Testing
@testable import Wire

@Suite("Thought signatures")
struct ThoughtSignatureTests {
    private func history(callIDs: [String], extra: [String: JSONValue] = [:]) -> [JSONValue] {
        let calls: [JSONValue] = callIDs.map { id in
            var call: [String: JSONValue] = ["id": .string(id), "type": "function", "function": ["name": "f", "arguments": "{}"]]
            if let content = extra[id] { call["extra_content"] = content }
            return .object(call)
        }
        var messages: [JSONValue] = [
            ["role": "user", "content": "go"],
            ["role": "assistant", "content": nil, "tool_calls": .array(calls)],
        ]
        for id in callIDs { messages.append(["role": "tool", "tool_call_id": .string(id), "content": "ok"]) }
        return messages
    }

    private func modelParts(_ plan: ChatRequestPlan) -> [JSONValue] {
        plan.body.contents.first { $0["role"] == "model" }?["parts"]?.arrayValue ?? []
    }

    @Test func storedSignatureIsRestoredOnGemini3() async throws {
        let plan = try await Support.convert(
            Support.request(history(callIDs: ["call_1", "call_2"]), model: "gemini-3-pro-preview"),
            signatures: ["call_1": "SIG1"])
        let parts = modelParts(plan)
        #expect(parts[0]["thoughtSignature"] == "SIG1")
        // Only the first call of a turn carries it, as Gemini sent it.
        #expect(parts[1]["thoughtSignature"] == nil)
    }

    @Test func unknownSignatureOnGemini3UsesTheSkipValidator() async throws {
        let plan = try await Support.convert(Support.request(history(callIDs: ["call_1", "call_2"]), model: "gemini-3-flash-preview"))
        let parts = modelParts(plan)
        #expect(parts[0]["thoughtSignature"] == "skip_thought_signature_validator")
        #expect(parts[1]["thoughtSignature"] == nil)
    }

    @Test func gemini25RestoresKnownSignaturesButInventsNone() async throws {
        let known = try await Support.convert(
            Support.request(history(callIDs: ["call_1"]), model: "gemini-2.5-flash"), signatures: ["call_1": "SIG"])
        #expect(modelParts(known)[0]["thoughtSignature"] == "SIG")
        let unknown = try await Support.convert(Support.request(history(callIDs: ["call_1"]), model: "gemini-2.5-flash"))
        #expect(modelParts(unknown)[0]["thoughtSignature"] == nil)
    }

    @Test func echoedSignatureFromTheClientIsUsed() async throws {
        let plan = try await Support.convert(
            Support.request(
                history(callIDs: ["call_1"], extra: ["call_1": ["google": ["thought_signature": "ECHO"]]]),
                model: "gemini-3-pro-preview"),
            signatures: ["call_1": "STORED"])
        #expect(modelParts(plan)[0]["thoughtSignature"] == "ECHO")
    }

    @Test func everyModelTurnWithCallsGetsOne() async throws {
        let messages: [JSONValue] = [
            ["role": "user", "content": "go"],
            ["role": "assistant", "tool_calls": [["id": "a", "type": "function", "function": ["name": "f", "arguments": "{}"]]]],
            ["role": "tool", "tool_call_id": "a", "content": "1"],
            ["role": "assistant", "content": "text only"],
            ["role": "user", "content": "again"],
            ["role": "assistant", "content": "sure", "tool_calls": [["id": "b", "type": "function", "function": ["name": "f", "arguments": "{}"]]]],
            ["role": "tool", "tool_call_id": "b", "content": "2"],
        ]
        let plan = try await Support.convert(Support.request(messages, model: "gemini-3-pro-preview"), signatures: ["b": "SIGB"])
        let modelTurns = plan.body.contents.filter { $0["role"] == "model" }
        #expect(modelTurns[0]["parts"]?[0]?["thoughtSignature"] == "skip_thought_signature_validator")
        #expect(modelTurns[1]["parts"] == [["text": "text only"]])
        #expect(modelTurns[2]["parts"]?[0] == ["text": "sure"])
        #expect(modelTurns[2]["parts"]?[1]?["thoughtSignature"] == "SIGB")
    }

    @Test func signaturesRoundTripThroughTheResponseConverters() async throws {
        let response = Support.json(#"""
        {"candidates":[{"content":{"role":"model","parts":[
          {"functionCall":{"name":"f","args":{"x":1}},"thoughtSignature":"CiQBVKhc"},
          {"functionCall":{"name":"f","args":{"x":2}}}]},"finishReason":"STOP","index":0}]}
        """#)
        let counter = Support.Counter()
        let result = ChatCompletionConverter(options: ChatResponseOptions(requestedModel: "gemini-3-pro-preview"), makeToolCallID: counter.next)
            .convert(response)
        #expect(result.thoughtSignatures == ["call_test1": "CiQBVKhc"])

        // The client sends the calls back without the signature; the gateway's store supplies it.
        let calls = result.body["choices"]?[0]?.value(at: "message", "tool_calls")?.arrayValue ?? []
        let messages: [JSONValue] = [
            ["role": "user", "content": "go"],
            ["role": "assistant", "content": nil, "tool_calls": .array(calls)],
            ["role": "tool", "tool_call_id": "call_test1", "content": "1"],
            ["role": "tool", "tool_call_id": "call_test2", "content": "2"],
        ]
        let plan = try await Support.convert(Support.request(messages, model: "gemini-3-pro-preview"), signatures: result.thoughtSignatures)
        let model = plan.body.contents[1]
        #expect(model["parts"] == [
            ["functionCall": ["name": "f", "args": ["x": 1]], "thoughtSignature": "CiQBVKhc"],
            ["functionCall": ["name": "f", "args": ["x": 2]]],
        ])

        var translator = ChatStreamTranslator(options: ChatResponseOptions(requestedModel: "m"), includeUsage: false, makeToolCallID: counter.next)
        _ = translator.translate(response)
        #expect(translator.thoughtSignatures == ["call_test3": "CiQBVKhc"])
    }
}
