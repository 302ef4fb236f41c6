import FakeGemini
import Foundation
import Gateway
import Testing
import Wire

/// Issue 3, item 5: Gemini 3 refuses a follow-up without the thought signature of each function
/// call; clients drop it; Gemgate keeps it by tool-call id and puts it back.
@Suite struct ThoughtSignatureTests {
    static let model = "gemini-3-pro-preview"
    static let tools: JSONValue = [
        ["type": "function", "function": [
            "name": "lookup", "parameters": ["type": "object", "properties": ["q": ["type": "string"]]],
        ]],
        ["type": "function", "function": [
            "name": "fetch_page", "parameters": ["type": "object", "properties": ["url": ["type": "string"]]],
        ]],
    ]

    /// First turn (whole or streamed), then a second turn with the calls as a client that keeps
    /// only OpenAI's fields sends them back.
    func roundTrip(streamFirst: Bool) async throws {
        let key = openAIKey("sig-\(streamFirst)")
        try await GatewayHarness.run(keys: [key]) { harness in
            let question: JSONValue = ["role": "user", "content": "look it up"]
            let first = try await harness.openAIPost("/v1/chat/completions", [
                "model": .string(Self.model), "messages": [question], "tools": Self.tools, "stream": .bool(streamFirst),
            ])
            #expect(first.status == 200, "\(first.body)")
            var calls: [JSONValue] = []
            if streamFirst {
                for event in first.jsonEvents {
                    for call in event["choices"]?[0]?.value(at: "delta", "tool_calls")?.arrayValue ?? [] {
                        calls.append(["id": call["id"] ?? .null, "type": "function", "function": call["function"] ?? .null])
                    }
                }
            } else {
                calls = (first.json?["choices"]?[0]?.value(at: "message", "tool_calls")?.arrayValue ?? []).map {
                    ["id": $0["id"] ?? .null, "type": "function", "function": $0["function"] ?? .null]
                }
            }
            #expect(calls.count == 2)
            var messages: [JSONValue] = [question, ["role": "assistant", "content": "", "tool_calls": .array(calls)]]
            for call in calls {
                messages.append(["role": "tool", "tool_call_id": call["id"] ?? .null, "content": "done"])
            }
            let second = try await harness.openAIPost("/v1/chat/completions", [
                "model": .string(Self.model), "messages": .array(messages), "tools": Self.tools,
            ])
            #expect(second.status == 200, "\(second.body)")
            #expect(second.json?["choices"]?[0]?.value(at: "message", "content")?.stringValue?.hasPrefix("Results:") == true)

            // The real signature went back, not the documented skip value.
            let sent = try #require(harness.upstreamBodies(key: key).last?["contents"]?.arrayValue)
            let modelTurn = try #require(sent.first { $0["role"]?.stringValue == "model" })
            let signature = modelTurn["parts"]?[0]?["thoughtSignature"]?.stringValue
            #expect(signature != nil && signature != GeminiThoughtSignature.skipValidator)
            #expect(harness.services.thoughtSignatures.count >= 1)
        }
    }

    @Test func wholeAnswerSignaturesAreRestored() async throws {
        try await roundTrip(streamFirst: false)
    }

    @Test func streamedSignaturesAreRestored() async throws {
        try await roundTrip(streamFirst: true)
    }

    @Test func unknownCallsGetTheSkipValue() async throws {
        let key = openAIKey("sig-unknown")
        try await GatewayHarness.run(keys: [key]) { harness in
            let reply = try await harness.openAIPost("/v1/chat/completions", [
                "model": .string(Self.model), "tools": Self.tools,
                "messages": [
                    ["role": "user", "content": "look it up"],
                    ["role": "assistant", "tool_calls": [["id": "call_from_another_gateway", "type": "function",
                                                          "function": ["name": "lookup", "arguments": "{}"]]]],
                    ["role": "tool", "tool_call_id": "call_from_another_gateway", "content": "done"],
                ],
            ])
            #expect(reply.status == 200, "\(reply.body)")
            let sent = try #require(harness.upstreamBodies(key: key).last?["contents"]?.arrayValue)
            #expect(sent[1]["parts"]?[0]?["thoughtSignature"]?.stringValue == GeminiThoughtSignature.skipValidator)
        }
    }
}

@Suite struct ThoughtSignatureCacheTests {
    @Test func storesAndFinds() {
        let cache = ThoughtSignatureCache()
        cache.store(["call_a": "sig-a", "call_b": "sig-b"])
        #expect(cache.signature(for: "call_a") == "sig-a")
        #expect(cache.signature(for: "call_b") == "sig-b")
        #expect(cache.signature(for: "call_c") == nil)
        cache.store(["call_a": "sig-a2"])
        #expect(cache.signature(for: "call_a") == "sig-a2")
        #expect(cache.count == 2)
    }

    @Test func evictsTheOldestPastTheEntryLimit() {
        let cache = ThoughtSignatureCache(limits: .init(maxEntries: 3, maxBytes: 1 << 20, timeToLive: .seconds(3600)))
        for index in 0..<5 { cache.store(["call_\(index)": "sig-\(index)"]) }
        #expect(cache.count == 3)
        #expect(cache.signature(for: "call_0") == nil && cache.signature(for: "call_1") == nil)
        #expect(cache.signature(for: "call_4") == "sig-4")
        // A re-stored id counts as new: it outlives ids stored after its first store.
        cache.store(["call_2": "again"])
        cache.store(["call_5": "sig-5"])
        #expect(cache.signature(for: "call_2") == "again")
        #expect(cache.signature(for: "call_3") == nil)
    }

    @Test func evictsPastTheSizeLimit() {
        let cache = ThoughtSignatureCache(limits: .init(maxEntries: 100, maxBytes: 100, timeToLive: .seconds(3600)))
        cache.store(["a": String(repeating: "x", count: 60)])
        cache.store(["b": String(repeating: "y", count: 60)])
        #expect(cache.signature(for: "a") == nil)
        #expect(cache.signature(for: "b") != nil)
    }

    @Test func expires() async throws {
        let cache = ThoughtSignatureCache(limits: .init(maxEntries: 100, maxBytes: 1 << 20, timeToLive: .milliseconds(100)))
        cache.store(["a": "sig"])
        #expect(cache.signature(for: "a") == "sig")
        try await Task.sleep(for: .milliseconds(150))
        #expect(cache.signature(for: "a") == nil)
        cache.store(["b": "sig"])
        #expect(cache.count == 1)
    }

    @Test func holdsManyWithoutGrowingPastTheLimit() {
        let cache = ThoughtSignatureCache(limits: .init(maxEntries: 1000, maxBytes: 1 << 30, timeToLive: .seconds(3600)))
        for index in 0..<20_000 { cache.store(["call_\(index)": "s"]) }
        #expect(cache.count == 1000)
        #expect(cache.signature(for: "call_19999") == "s")
    }
}
