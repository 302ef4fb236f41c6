import Testing
@testable import Wire

@Suite("Stream translation")
struct ChatStreamTranslatorTests {
    private func translator(includeUsage: Bool = false, model: String = "gemini-2.5-flash", searchLinks: Bool = false) -> ChatStreamTranslator {
        let counter = Support.Counter()
        return ChatStreamTranslator(
            options: ChatResponseOptions(requestedModel: model, showSearchLinks: searchLinks), includeUsage: includeUsage,
            id: "chatcmpl-X", created: 1_755_305_159, makeToolCallID: counter.next)
    }

    private func run(_ events: [String], includeUsage: Bool = false, searchLinks: Bool = false) -> (chunks: [JSONValue], end: ChatStreamEnd) {
        var translator = translator(includeUsage: includeUsage, searchLinks: searchLinks)
        var chunks: [JSONValue] = []
        for event in events { chunks += translator.translate(Support.json(event)) }
        let end = translator.finish()
        return (chunks + end.chunks, end)
    }

    private func deltas(_ chunks: [JSONValue]) -> [JSONValue] {
        chunks.compactMap { $0["choices"]?[0]?["delta"] }
    }

    private func finishReasons(_ chunks: [JSONValue]) -> [JSONValue] {
        chunks.compactMap { $0["choices"]?[0]?["finish_reason"] }.filter { !$0.isNull }
    }

    // The two frames of §2.3: text, then a last frame whose content has no parts.
    static let lastFrameWithoutParts = [
        #"{"candidates": [{"content": {"parts": [{"text": "Four."}],"role": "model"},"index": 0}],"usageMetadata": {"promptTokenCount": 51,"candidatesTokenCount": 2,"totalTokenCount": 53},"modelVersion": "gemini-2.5-flash","responseId": "ag4pavQTzLrj4Q-XkKnZBA"}"#,
        #"{"candidates": [{"content": {"role": "model"},"finishReason": "STOP","index": 0}],"usageMetadata": {"promptTokenCount": 51,"candidatesTokenCount": 2,"totalTokenCount": 53},"modelVersion": "gemini-2.5-flash","responseId": "ag4pavQTzLrj4Q-XkKnZBA"}"#,
    ]

    @Test func lastFrameWithContentButNoParts() {
        let (chunks, end) = run(Self.lastFrameWithoutParts)
        #expect(!end.isTruncated)
        #expect(deltas(chunks) == [["role": "assistant", "content": ""], ["content": "Four."], [:]])
        #expect(finishReasons(chunks) == ["stop"])
        #expect(chunks.first == [
            "id": "chatcmpl-X", "object": "chat.completion.chunk", "created": 1_755_305_159, "model": "gemini-2.5-flash",
            "choices": [["index": 0, "delta": ["role": "assistant", "content": ""], "logprobs": nil, "finish_reason": nil]],
        ])
        // One id for the whole stream.
        #expect(Set(chunks.compactMap { $0["id"] }) == ["chatcmpl-X"])
        // No usage keys without include_usage.
        #expect(chunks.allSatisfy { $0["usage"] == nil })
    }

    @Test func finishReasonOnEveryChunkFromOldModels() {
        let (chunks, end) = run([
            #"{"candidates":[{"content":{"parts":[{"text":"Hello"}],"role":"model"},"finishReason":"STOP","index":0}]}"#,
            #"{"candidates":[{"content":{"parts":[{"text":" world"}],"role":"model"},"finishReason":"STOP","index":0}]}"#,
            #"{"candidates":[{"content":{"parts":[{"text":"!"}],"role":"model"},"finishReason":"STOP","index":0}]}"#,
        ])
        #expect(!end.isTruncated)
        #expect(deltas(chunks) == [["role": "assistant", "content": ""], ["content": "Hello"], ["content": " world"], ["content": "!"], [:]])
        #expect(finishReasons(chunks) == ["stop"])
    }

    @Test func functionCallInOneChunk() {
        let (chunks, _) = run([
            #"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"customDivide","args":{"denominator":2,"numerator":10}},"thoughtSignature":"CiQBVKhc7gVN"}],"role":"model"},"finishReason":"STOP","finishMessage":"Model generated function call(s).","index":0}],"usageMetadata":{"promptTokenCount":81,"candidatesTokenCount":20,"thoughtsTokenCount":179,"totalTokenCount":280},"modelVersion":"gemini-2.5-flash"}"#
        ])
        #expect(deltas(chunks)[1] == ["tool_calls": [[
            "index": 0, "id": "call_test1", "type": "function",
            "function": ["name": "customDivide", "arguments": #"{"denominator":2,"numerator":10}"#],
        ]]])
        #expect(finishReasons(chunks) == ["tool_calls"])
    }

    @Test func toolCallIndexRunsAcrossTheStream() {
        var translator = translator()
        _ = translator.translate(Support.json(#"{"candidates":[{"content":{"parts":[{"functionCall":{"name":"a","args":{}}},{"functionCall":{"name":"b","args":{}}}]}}]}"#))
        let later = translator.translate(Support.json(#"{"candidates":[{"content":{"parts":[{"text":"x"},{"functionCall":{"name":"c","args":{}}}]},"finishReason":"STOP"}]}"#))
        #expect(later[1]["choices"]?[0]?.value(at: "delta", "tool_calls")?[0]?["index"] == 2)
        #expect(translator.finish().chunks.first?["choices"]?[0]?["finish_reason"] == "tool_calls")
    }

    @Test func thoughtPartsBecomeReasoningContent() {
        let (chunks, _) = run([
            #"{"candidates":[{"content":{"parts":[{"text":"**Planning**","thought":true}],"role":"model"},"index":0}]}"#,
            #"{"candidates":[{"content":{"parts":[{"text":"","thoughtSignature":"c2ln"}],"role":"model"},"index":0}]}"#,
            #"{"candidates":[{"content":{"parts":[{"text":"more thought","thought":true},{"text":"Answer"}],"role":"model"},"index":0}]}"#,
            #"{"candidates":[{"content":{"role":"model"},"finishReason":"STOP","index":0}]}"#,
        ])
        #expect(deltas(chunks) == [
            ["role": "assistant", "content": ""],
            ["reasoning_content": "**Planning**"],
            ["reasoning_content": "more thought"],
            ["content": "Answer"],
            [:],
        ])
    }

    @Test func blockedPrompt() {
        let (chunks, end) = run([
            #"{"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},"usageMetadata":{"promptTokenCount":9,"totalTokenCount":9}}"#
        ], includeUsage: true)
        #expect(!end.isTruncated)
        #expect(deltas(chunks) == [["role": "assistant", "content": ""], [:]])
        #expect(finishReasons(chunks) == ["content_filter"])
        #expect(chunks.last?["usage"]?["prompt_tokens"] == 9)
    }

    @Test func usageChunkUsesTheLastUsageMetadata() {
        let (chunks, _) = run([
            #"{"candidates":[{"content":{"parts":[{"text":"The"}],"role":"model"}}],"usageMetadata":{"promptTokenCount":7,"totalTokenCount":7}}"#,
            #"{"candidates":[{"content":{"parts":[{"text":" end"}],"role":"model"},"finishReason":"MAX_TOKENS"}],"usageMetadata":{"promptTokenCount":6,"candidatesTokenCount":153,"thoughtsTokenCount":45,"totalTokenCount":204}}"#,
        ], includeUsage: true)
        #expect(chunks.dropLast().allSatisfy { $0["usage"] == .null })
        #expect(chunks.last == [
            "id": "chatcmpl-X", "object": "chat.completion.chunk", "created": 1_755_305_159, "model": "gemini-2.5-flash",
            "choices": [],
            "usage": [
                "prompt_tokens": 6, "completion_tokens": 198, "total_tokens": 204,
                "prompt_tokens_details": ["cached_tokens": 0], "completion_tokens_details": ["reasoning_tokens": 45],
            ],
        ])
        #expect(finishReasons(chunks) == ["length"])
    }

    @Test func aStreamWithoutFinishReasonIsReportedTruncated() {
        let (chunks, end) = run([#"{"candidates":[{"content":{"parts":[{"text":"Half an ans"}],"role":"model"}}]}"#], includeUsage: true)
        #expect(end.isTruncated)
        #expect(end.chunks.isEmpty)
        #expect(finishReasons(chunks).isEmpty)
        #expect(OpenAIStreamError.payload(message: "The upstream stream ended early.", code: 502)
            == ["error": ["message": "The upstream stream ended early.", "type": "server_error", "code": 502]])
    }

    @Test func emptyDeltasAreSkipped() {
        let (chunks, _) = run([
            #"{"candidates":[{"content":{"role":"model"},"index":0}]}"#,
            #"{"candidates":[{"content":{"parts":[],"role":"model"},"index":0}]}"#,
            #"{"candidates":[{"content":{"parts":[{"text":""}],"role":"model"},"finishReason":"STOP","index":0}]}"#,
        ])
        #expect(deltas(chunks) == [["role": "assistant", "content": ""], [:]])
    }

    @Test func severalCandidatesStreamAsSeveralChoices() {
        var translator = translator()
        let chunks = translator.translate(Support.json(#"""
            {"candidates":[{"content":{"parts":[{"text":"A"}]},"index":0},{"content":{"parts":[{"text":"B"}]},"index":1,"finishReason":"STOP"}]}
            """#))
        #expect(chunks.compactMap { $0["choices"]?[0]?["index"] } == [0, 0, 1, 1])
        let end = translator.finish()
        #expect(end.chunks.compactMap { $0["choices"]?[0]?["index"] } == [0, 1])
    }

    @Test func searchSourcesComeBeforeTheFinishChunk() {
        let (chunks, _) = run([
            #"{"candidates":[{"content":{"parts":[{"text":"Rain."}]},"finishReason":"STOP","groundingMetadata":{"groundingChunks":[{"web":{"uri":"https://w.example","title":"W"}}]}}]}"#
        ], searchLinks: true)
        #expect(deltas(chunks).dropLast().last == ["content": "\n\n**Sources**\n1. [W](https://w.example)"])
    }

    @Test func fakeStreamConvertsEveryPartOfACompleteAnswer() {
        var translator = translator(includeUsage: true)
        let chunks = translator.translateComplete(Support.json(#"""
            {"candidates":[{"content":{"parts":[{"text":"Let me think","thought":true},{"text":"The answer is 4."}],"role":"model"},"finishReason":"STOP","index":0}],
             "usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":5,"thoughtsTokenCount":7,"totalTokenCount":15}}
            """#))
        #expect(deltas(chunks) == [["role": "assistant", "content": ""], ["reasoning_content": "Let me think"], ["content": "The answer is 4."], [:]])
        #expect(chunks.last?["usage"]?["total_tokens"] == 15)
        #expect(finishReasons(chunks) == ["stop"])
    }

    @Test func fakeStreamOfABlockedPromptSaysWhy() {
        var translator = translator()
        let chunks = translator.translateComplete(Support.json(#"{"promptFeedback":{"blockReason":"SAFETY"}}"#))
        #expect(finishReasons(chunks) == ["content_filter"])
    }

    @Test func keepAliveChunkHasNoChoices() {
        #expect(translator(includeUsage: true).keepAliveChunk() == [
            "id": "chatcmpl-X", "object": "chat.completion.chunk", "created": 1_755_305_159, "model": "gemini-2.5-flash",
            "choices": [], "usage": nil,
        ])
    }

    @Test func framesForClients() {
        #expect(String(decoding: SSEFrame.data(["a": 1]), as: UTF8.self) == "data: {\"a\":1}\n\n")
        #expect(String(decoding: SSEFrame.done, as: UTF8.self) == "data: [DONE]\n\n")
        #expect(String(decoding: SSEFrame.comment("ping\nx"), as: UTF8.self) == ": pingx\n\n")
    }
}
