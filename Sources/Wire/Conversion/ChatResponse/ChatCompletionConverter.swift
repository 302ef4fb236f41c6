import Foundation

/// A converted non-streaming answer.
public struct ChatCompletionResult: Sendable, Equatable {
    /// The OpenAI `chat.completion` body.
    public let body: JSONValue
    /// Thought signatures Gemini attached to function calls, by the tool-call id given to the
    /// client. The gateway stores them (bounded, expiring) and hands them back through
    /// `ThoughtSignatureLookup` when the client sends the calls back in its history.
    public let thoughtSignatures: [String: String]
}

/// Converts a Gemini `GenerateContentResponse` into an OpenAI `chat.completion`.
public struct ChatCompletionConverter: Sendable {
    public let options: ChatResponseOptions
    private let makeToolCallID: @Sendable () -> String

    /// - Parameter makeToolCallID: mints ids for function calls that come without one;
    ///   replace only in tests.
    public init(options: ChatResponseOptions, makeToolCallID: @escaping @Sendable () -> String = OpenAIIdentifiers.toolCallID) {
        self.options = options
        self.makeToolCallID = makeToolCallID
    }

    /// - Parameters:
    ///   - response: the parsed upstream body.
    ///   - id: the completion id (`chatcmpl-…`).
    ///   - created: Unix seconds.
    public func convert(
        _ response: JSONValue,
        id: String = OpenAIIdentifiers.completionID(),
        created: Int = Int(Date().timeIntervalSince1970)
    ) -> ChatCompletionResult {
        var choices: [JSONValue] = []
        var signatures: [String: String] = [:]
        let candidates = response["candidates"]?.arrayValue ?? []

        for (position, candidate) in candidates.enumerated() {
            var renderer = CandidatePartRenderer(makeToolCallID: makeToolCallID)
            let pieces = renderer.render(candidate.value(at: "content", "parts")?.arrayValue ?? [])
            signatures.merge(renderer.signatures) { _, new in new }

            var text = ""
            var reasoning = ""
            var toolCalls: [JSONValue] = []
            for piece in pieces {
                switch piece {
                case .content(let value): text += value
                case .reasoning(let value): reasoning += value
                case .toolCall(let callID, let name, let arguments):
                    toolCalls.append(RenderedToolCall(id: callID, name: name, arguments: arguments).json)
                }
            }
            if options.showSearchLinks, let sources = GroundingSources.markdown(from: candidate["groundingMetadata"]) {
                text += sources
            }
            let finish = OpenAIFinishReason.map(candidate["finishReason"]?.stringValue, hasToolCalls: !toolCalls.isEmpty)
            var message: [String: JSONValue] = ["role": "assistant"]
            if !text.isEmpty {
                message["content"] = .string(text)
            } else {
                // OpenAI sends null content beside tool calls; an empty filtered answer is null too.
                message["content"] = (toolCalls.isEmpty && finish != "content_filter") ? "" : .null
            }
            if !reasoning.isEmpty { message["reasoning_content"] = .string(reasoning) }
            if !toolCalls.isEmpty { message["tool_calls"] = .array(toolCalls) }
            choices.append([
                "index": .int(Int64(candidate["index"]?.intValue ?? position)),
                "message": .object(message),
                "logprobs": .null,
                "finish_reason": .string(finish),
            ])
        }

        if choices.isEmpty {
            // No candidates: a blocked prompt (promptFeedback.blockReason), or an empty answer.
            let blocked = response.value(at: "promptFeedback", "blockReason") != nil
            choices.append([
                "index": 0,
                "message": ["role": "assistant", "content": blocked ? .null : ""],
                "logprobs": .null,
                "finish_reason": blocked ? "content_filter" : "stop",
            ])
        }

        let body: JSONValue = [
            "id": .string(id),
            "object": "chat.completion",
            "created": .int(Int64(created)),
            "model": .string(options.requestedModel),
            "choices": .array(choices),
            "usage": OpenAIUsage.from(response["usageMetadata"]),
        ]
        return ChatCompletionResult(body: body, thoughtSignatures: signatures)
    }
}
