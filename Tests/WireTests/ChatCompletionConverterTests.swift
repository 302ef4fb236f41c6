import Testing
@testable import Wire

@Suite("Gemini response to chat.completion")
struct ChatCompletionConverterTests {
    private func convert(_ text: String, model: String = "gemini-2.5-flash", searchLinks: Bool = false) -> ChatCompletionResult {
        let counter = Support.Counter()
        return ChatCompletionConverter(
            options: ChatResponseOptions(requestedModel: model, showSearchLinks: searchLinks), makeToolCallID: counter.next
        ).convert(Support.json(text), id: "chatcmpl-test", created: 1_755_305_159)
    }

    @Test func textAndThoughtsFromEveryPart() {
        let result = convert(#"""
        {"candidates":[{"content":{"role":"model","parts":[
          {"text":"**Planning** ","thought":true},{"text":"the answer.","thought":true},
          {"text":"The sky "},{"text":"is blue."},{"text":"","thoughtSignature":"abc"}]},
          "finishReason":"STOP","index":0}],
         "usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":5,"thoughtsTokenCount":20,"totalTokenCount":35,"cachedContentTokenCount":4},
         "modelVersion":"gemini-2.5-flash","responseId":"xyz"}
        """#)
        #expect(result.body == [
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 1_755_305_159,
            "model": "gemini-2.5-flash",
            "choices": [[
                "index": 0,
                "message": ["role": "assistant", "content": "The sky is blue.", "reasoning_content": "**Planning** the answer."],
                "logprobs": nil,
                "finish_reason": "stop",
            ]],
            "usage": [
                "prompt_tokens": 10, "completion_tokens": 25, "total_tokens": 35,
                "prompt_tokens_details": ["cached_tokens": 4],
                "completion_tokens_details": ["reasoning_tokens": 20],
            ],
        ])
    }

    @Test func functionCallsBecomeToolCalls() {
        let result = convert(#"""
        {"candidates":[{"content":{"role":"model","parts":[
          {"text":"Let me check."},
          {"functionCall":{"name":"get_weather","args":{"city":"Paris"}},"thoughtSignature":"SIG"},
          {"functionCall":{"id":"gemini-id-7","name":"get_time","args":{}}}]},
          "finishReason":"STOP","finishMessage":"Model generated function call(s).","index":0}],
         "usageMetadata":{"promptTokenCount":81,"candidatesTokenCount":20,"thoughtsTokenCount":179,"totalTokenCount":280}}
        """#)
        let message = result.body["choices"]?[0]?["message"]
        #expect(message?["content"] == "Let me check.")
        #expect(message?["tool_calls"] == [
            ["id": "call_test1", "type": "function", "function": ["name": "get_weather", "arguments": #"{"city":"Paris"}"#]],
            ["id": "gemini-id-7", "type": "function", "function": ["name": "get_time", "arguments": "{}"]],
        ])
        #expect(result.body["choices"]?[0]?["finish_reason"] == "tool_calls")
        #expect(result.thoughtSignatures == ["call_test1": "SIG"])
        #expect(result.body["usage"]?["completion_tokens"] == 199)
    }

    @Test func toolCallsWithoutTextHaveNullContent() {
        let result = convert(#"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"f","args":{"a":"é"}}}]},"finishReason":"STOP"}]}"#)
        #expect(result.body["choices"]?[0]?["message"]?["content"] == .null)
        #expect(result.body["choices"]?[0]?.value(at: "message", "tool_calls")?[0]?.value(at: "function", "arguments") == #"{"a":"é"}"#)
    }

    @Test func mintedIDsHaveTheOpenAIShape() {
        let id = OpenAIIdentifiers.toolCallID()
        #expect(id.hasPrefix("call_") && id.count == 29)
        #expect(id.dropFirst(5).allSatisfy { $0.isHexDigit })
        #expect(OpenAIIdentifiers.completionID().hasPrefix("chatcmpl-"))
        #expect(OpenAIIdentifiers.toolCallID() != OpenAIIdentifiers.toolCallID())
    }

    @Test func imagesAndCodeAreRenderedAsMarkdown() {
        let result = convert(#"""
        {"candidates":[{"content":{"parts":[
          {"text":"Here is a cat:"},{"inlineData":{"mimeType":"image/png","data":"iVBOR"}},
          {"executableCode":{"language":"PYTHON","code":"print(1+1)"}},
          {"codeExecutionResult":{"outcome":"OUTCOME_OK","output":"2\n"}},{"text":"Done."}]},"finishReason":"STOP"}]}
        """#)
        #expect(result.body["choices"]?[0]?.value(at: "message", "content")
            == "Here is a cat:\n\n![image](data:image/png;base64,iVBOR)\n\n```python\nprint(1+1)\n```\n\n```\n2\n```\n\nDone.")
    }

    @Test(arguments: [
        ("STOP", "stop"), ("MAX_TOKENS", "length"), ("SAFETY", "content_filter"), ("RECITATION", "content_filter"),
        ("PROHIBITED_CONTENT", "content_filter"), ("IMAGE_SAFETY", "content_filter"), ("OTHER", "content_filter"),
        ("MALFORMED_FUNCTION_CALL", "stop"), ("FINISH_REASON_UNSPECIFIED", "stop"), ("SOMETHING_NEW", "stop"),
    ])
    func finishReasons(gemini: String, openAI: String) {
        let result = convert(#"{"candidates":[{"content":{"parts":[{"text":"x"}]},"finishReason":"\#(gemini)"}]}"#)
        #expect(result.body["choices"]?[0]?["finish_reason"] == .string(openAI))
    }

    @Test func blockedPromptIsOneFilteredChoice() {
        let result = convert(#"""
        {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"MEDIUM"}]},
         "usageMetadata":{"promptTokenCount":8,"totalTokenCount":8}}
        """#)
        #expect(result.body["choices"] == [[
            "index": 0, "message": ["role": "assistant", "content": nil], "logprobs": nil, "finish_reason": "content_filter",
        ]])
        #expect(result.body["usage"]?["prompt_tokens"] == 8)
    }

    @Test func everyCandidateBecomesAChoice() {
        let result = convert(#"""
        {"candidates":[{"content":{"parts":[{"text":"A"}]},"finishReason":"STOP","index":0},
                       {"content":{"parts":[{"text":"B"}]},"finishReason":"MAX_TOKENS","index":1}]}
        """#)
        #expect(result.body["choices"]?[1]?["message"]?["content"] == "B")
        #expect(result.body["choices"]?[1]?["finish_reason"] == "length")
        #expect(result.body["choices"]?[1]?["index"] == 1)
    }

    @Test func searchSourcesAreAppendedWhenEnabled() {
        let text = #"""
        {"candidates":[{"content":{"parts":[{"text":"It rains."}]},"finishReason":"STOP",
          "groundingMetadata":{"groundingChunks":[
            {"web":{"uri":"https://a.example/x","title":"A [news]"}},{"web":{"uri":"https://a.example/x","title":"dup"}},
            {"web":{"uri":"https://b.example","title":""}}]}}]}
        """#
        #expect(convert(text, searchLinks: true).body["choices"]?[0]?.value(at: "message", "content")
            == "It rains.\n\n**Sources**\n1. [A \\[news\\]](https://a.example/x)\n2. [https://b.example](https://b.example)")
        #expect(convert(text, searchLinks: false).body["choices"]?[0]?.value(at: "message", "content") == "It rains.")
    }

    /// A sources list after a JSON answer makes it invalid JSON; with JSON output asked for, the
    /// plan turns the links off for both the whole and the streamed answer.
    @Test(arguments: [["type": "json_object"], ["type": "json_schema", "json_schema": ["name": "w", "schema": ["type": "object"]]]] as [JSONValue])
    func searchSourcesAreNotAppendedToJSONAnswers(format: JSONValue) async throws {
        let plan = try await Support.convert(
            Support.request([["role": "user", "content": "weather?"]], extra: ["response_format": format, "web_search_options": [:]]),
            settings: ChatConversionSettings(showSearchLink: true))
        #expect(plan.body["tools"] == [["googleSearch": [:]]])
        #expect(!plan.response.showSearchLinks)
        let answer = Support.json(#"""
        {"candidates":[{"content":{"parts":[{"text":"{\"rain\":true}"}]},"finishReason":"STOP",
          "groundingMetadata":{"groundingChunks":[{"web":{"uri":"https://a.example/x","title":"A"}}]}}]}
        """#)
        let whole = ChatCompletionConverter(options: plan.response).convert(answer)
        #expect(whole.body["choices"]?[0]?.value(at: "message", "content") == #"{"rain":true}"#)
        var stream = ChatStreamTranslator(options: plan.response, includeUsage: false)
        let streamed = (stream.translate(answer) + stream.finish().chunks)
            .compactMap { $0["choices"]?[0]?.value(at: "delta", "content")?.stringValue }.joined()
        #expect(streamed == #"{"rain":true}"#)
        // Plain text answers keep them.
        let text = try await Support.convert(
            Support.request([["role": "user", "content": "weather?"]], extra: ["web_search_options": [:]]),
            settings: ChatConversionSettings(showSearchLink: true))
        #expect(text.response.showSearchLinks)
    }

    @Test func usageAddsToolUsePromptTokensAndDefaultsToZero() {
        #expect(OpenAIUsage.from(["promptTokenCount": 5, "toolUsePromptTokenCount": 3, "candidatesTokenCount": 2, "totalTokenCount": 10])
            == [
                "prompt_tokens": 8, "completion_tokens": 2, "total_tokens": 10,
                "prompt_tokens_details": ["cached_tokens": 0], "completion_tokens_details": ["reasoning_tokens": 0],
            ])
        #expect(OpenAIUsage.from(nil)["total_tokens"] == 0)
    }

    @Test func emptyAnswerIsAnEmptyStop() {
        let result = convert(#"{"candidates":[{"content":{"role":"model"},"finishReason":"STOP"}]}"#)
        #expect(result.body["choices"]?[0]?["message"] == ["role": "assistant", "content": ""])
    }
}
