import Foundation

/// Shapes an `Answer` as OpenAI `chat.completion` / `chat.completion.chunk` objects, as Google's
/// compatibility layer returns them (thought signatures under `extra_content.google`).
struct ChatCompletionBuilder {
    let answer: Answer
    let modelID: String
    let responseID: String
    let created = Int(Date().timeIntervalSince1970)

    func completion() -> OrderedJSON {
        let choices: [OrderedJSON] = (0..<answer.candidateCount).map { index in
            [
                "finish_reason": .string(finishReason),
                "index": .int(index),
                "message": message(),
            ]
        }
        return envelope(object: "chat.completion", choices: choices, usage: usage())
    }

    /// Content spread over `count` chunks (tool calls whole in one), the finish reason on the last;
    /// then, when asked for, a usage chunk with no choices.
    func chunks(count: Int, includeUsage: Bool) -> [OrderedJSON] {
        var chunks: [OrderedJSON] = []
        switch answer.body {
        case .functionCalls(let calls):
            chunks.append(chunk(delta: ["role": "assistant", "tool_calls": .array(toolCalls(calls, indexed: true))], finished: true))
        default:
            let slices = GenerateResponseBuilder.split(answer.visibleText ?? "", into: max(1, count))
            for (position, slice) in slices.enumerated() {
                chunks.append(chunk(delta: ["content": .string(slice), "role": "assistant"], finished: position == slices.count - 1))
            }
        }
        if includeUsage { chunks.append(envelope(object: "chat.completion.chunk", choices: [], usage: usage())) }
        return chunks
    }

    // MARK: Pieces

    private var finishReason: String {
        switch answer.body {
        case .functionCalls: return "tool_calls"
        case .blockedPrompt: return "content_filter"
        default: return answer.finishReason == "MAX_TOKENS" ? "length" : "stop"
        }
    }

    private func message() -> OrderedJSON {
        switch answer.body {
        case .functionCalls(let calls):
            return ["content": nil, "role": "assistant", "tool_calls": .array(toolCalls(calls, indexed: false))]
        default:
            return ["content": answer.visibleText.map(OrderedJSON.string) ?? nil, "role": "assistant"]
        }
    }

    private func toolCalls(_ calls: [Answer.FunctionCall], indexed: Bool) -> [OrderedJSON] {
        calls.enumerated().map { position, call in
            var toolCall: OrderedJSON = [
                "function": ["arguments": .string(call.args.renderedText(.compact)), "name": .string(call.name)],
                "id": .string("call_\(responseID)_\(position)"),
                "type": "function",
            ]
            if indexed { toolCall.append("index", .int(position)) }
            if position == 0, let signature = answer.thoughtSignature {
                toolCall.append("extra_content", ["google": ["thought_signature": .string(signature)]])
            }
            return toolCall
        }
    }

    private func chunk(delta: OrderedJSON, finished: Bool) -> OrderedJSON {
        var choice: OrderedJSON = ["delta": delta, "index": 0]
        if finished { choice.append("finish_reason", .string(finishReason)) }
        return envelope(object: "chat.completion.chunk", choices: [choice], usage: nil)
    }

    private func envelope(object: String, choices: [OrderedJSON], usage: OrderedJSON?) -> OrderedJSON {
        var document: OrderedJSON = [
            "choices": .array(choices),
            "created": .int(created),
            "id": .string(responseID),
            "model": .string(modelID),
            "object": .string(object),
        ]
        if let usage { document.append("usage", usage) }
        return document
    }

    /// OpenAI counts reasoning inside completion tokens.
    private func usage() -> OrderedJSON {
        let completion = answer.candidatesTokenCount * answer.candidateCount + answer.thoughtsTokenCount
        var usage: OrderedJSON = [
            "completion_tokens": .int(completion),
            "prompt_tokens": .int(answer.promptTokenCount),
            "total_tokens": .int(answer.promptTokenCount + completion),
        ]
        if answer.thoughtsTokenCount > 0 {
            usage.append("completion_tokens_details", ["reasoning_tokens": .int(answer.thoughtsTokenCount)])
        }
        return usage
    }
}
