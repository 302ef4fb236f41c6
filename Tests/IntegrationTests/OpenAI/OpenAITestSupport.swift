import FakeGemini
import Foundation
import Wire

// Calls and readings shared by the OpenAI-side integration tests.
extension GatewayHarness {
    /// `POST` with the token as OpenAI clients send it (`Authorization: Bearer`).
    func openAIPost(_ path: String, _ body: JSONValue, token: String? = nil) async throws -> Reply {
        try await post(path, body: body.serializedText, token: nil, headers: [("Authorization", "Bearer \(token ?? self.token)")])
    }

    /// The chat body most tests need: one user message.
    func chat(
        _ text: String, model: String = "gemini-2.5-flash", stream: Bool = false, prefix: String = "/v1",
        extra: [String: JSONValue] = [:]
    ) async throws -> Reply {
        var body: [String: JSONValue] = [
            "model": .string(model), "messages": [["role": "user", "content": .string(text)]], "stream": .bool(stream),
        ]
        body.merge(extra) { $1 }
        return try await openAIPost("\(prefix)/chat/completions", .object(body))
    }

    /// The upstream request bodies the fake recorded for `key`, parsed, oldest first.
    func upstreamBodies(key: String) -> [JSONValue] {
        upstreamCalls(key: key).compactMap { JSONValue(parsing: $0.body) }
    }
}

extension GatewayHarness.Reply {
    /// The `data:` payloads of an SSE answer, in order (`[DONE]` included as text).
    var events: [String] {
        var parser = SSEParser()
        return parser.feed(Array(body.utf8)) + parser.finish()
    }

    /// The payloads parsed as JSON, without `[DONE]`.
    var jsonEvents: [JSONValue] {
        events.filter { $0 != "[DONE]" }.compactMap { JSONValue(parsing: $0) }
    }

    /// The text of every `delta.content` of a chat stream, joined.
    var streamedContent: String {
        jsonEvents.compactMap { $0["choices"]?[0]?.value(at: "delta", "content")?.stringValue }.joined()
    }

    var openAIError: JSONValue? { json?["error"] }
}

/// Keys shaped like Google's, distinct per label, for the OpenAI suites.
func openAIKey(_ label: String) -> String {
    testKey("oa-" + label)
}
