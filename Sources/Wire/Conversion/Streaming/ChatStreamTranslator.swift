import Foundation

/// Translates a Gemini `streamGenerateContent` stream into OpenAI `chat.completion.chunk`
/// payloads, one upstream event at a time.
///
/// Per stream: one id and `created`; a `{role:"assistant", content:""}` chunk once per choice
/// before anything else for it; text as `delta.content`, thoughts as `delta.reasoning_content`;
/// each function call as one `tool_calls` delta with a running index per choice; no
/// `finish_reason` until `finish()`, which emits it once per choice (`tool_calls` when calls
/// were seen — old models put STOP on every chunk, so intermediate reasons are only
/// remembered); with `include_usage`, `"usage": null` on every chunk and a final `choices: []`
/// chunk carrying the usage of the last `usageMetadata` (Gemini's is cumulative).
///
/// Also serves fake streaming: `translateComplete(_:)` turns one whole non-streaming answer
/// into the same chunks, every part of it.
public struct ChatStreamTranslator: Sendable {
    public let options: ChatResponseOptions
    public let includeUsage: Bool
    /// The completion id shared by all chunks.
    public let id: String
    public let created: Int
    private let makeToolCallID: @Sendable () -> String

    private struct ChoiceState {
        var renderer: CandidatePartRenderer
        var toolCallCount = 0
        var lastFinishReason: String?
        var grounding: JSONValue?
    }

    private var choices: [Int: ChoiceState] = [:]
    private var lastUsage: JSONValue?
    private var sawFinishReason = false
    private var promptBlocked = false

    /// - Parameters:
    ///   - options: from the request plan (`plan.response`).
    ///   - includeUsage: `plan.includeUsage`.
    ///   - id, created: fixed for the stream; defaults are fresh.
    ///   - makeToolCallID: mints ids for calls that come without one; replace only in tests.
    public init(
        options: ChatResponseOptions,
        includeUsage: Bool,
        id: String = OpenAIIdentifiers.completionID(),
        created: Int = Int(Date().timeIntervalSince1970),
        makeToolCallID: @escaping @Sendable () -> String = OpenAIIdentifiers.toolCallID
    ) {
        self.options = options
        self.includeUsage = includeUsage
        self.id = id
        self.created = created
        self.makeToolCallID = makeToolCallID
    }

    /// Thought signatures seen so far, by the tool-call id handed to the client; store them when
    /// the stream ends (or is cut).
    public var thoughtSignatures: [String: String] {
        choices.values.reduce(into: [:]) { result, state in result.merge(state.renderer.signatures) { _, new in new } }
    }

    /// The chunks for one parsed upstream event (a `GenerateContentResponse`). Check the event
    /// with `GeminiErrorFrame.error(in:)` first: an error frame is not a response.
    public mutating func translate(_ event: JSONValue) -> [JSONValue] {
        var chunks: [JSONValue] = []
        if let usage = event["usageMetadata"], !usage.isNull { lastUsage = usage }
        let candidates = event["candidates"]?.arrayValue ?? []

        if candidates.isEmpty, event.value(at: "promptFeedback", "blockReason") != nil {
            promptBlocked = true
            openChoice(0, into: &chunks)
            return chunks
        }

        for (position, candidate) in candidates.enumerated() {
            let index = candidate["index"]?.intValue ?? position
            openChoice(index, into: &chunks)
            let parts = candidate.value(at: "content", "parts")?.arrayValue ?? []
            for piece in choices[index]!.renderer.render(parts) {
                chunks.append(chunk(index: index, delta: delta(for: piece, choice: index)))
            }
            if let reason = candidate["finishReason"]?.stringValue {
                choices[index]!.lastFinishReason = reason
                sawFinishReason = true
            }
            if let grounding = candidate["groundingMetadata"], !grounding.isNull {
                choices[index]!.grounding = grounding
            }
        }
        return chunks
    }

    /// Call when the upstream stream has ended.
    public mutating func finish() -> ChatStreamEnd {
        guard sawFinishReason || promptBlocked else {
            return ChatStreamEnd(chunks: [], isTruncated: true)
        }
        return ChatStreamEnd(chunks: closingChunks(), isTruncated: false)
    }

    /// Fake streaming: every chunk for one complete non-streaming answer, closing chunks
    /// included (a complete answer is never truncated, even without a `finishReason`).
    public mutating func translateComplete(_ response: JSONValue) -> [JSONValue] {
        var chunks = translate(response)
        if choices.isEmpty { openChoice(0, into: &chunks) }
        return chunks + closingChunks()
    }

    /// An empty chunk (`choices: []`) to keep a connection busy while waiting, as
    /// gemini-balance's fake stream sends; OpenAI clients ignore it.
    public func keepAliveChunk() -> JSONValue {
        envelope(choices: [])
    }

    // MARK: - Building chunks

    private mutating func openChoice(_ index: Int, into chunks: inout [JSONValue]) {
        guard choices[index] == nil else { return }
        choices[index] = ChoiceState(renderer: CandidatePartRenderer(makeToolCallID: makeToolCallID))
        chunks.append(chunk(index: index, delta: ["role": "assistant", "content": ""]))
    }

    private mutating func delta(for piece: AnswerPiece, choice index: Int) -> JSONValue {
        switch piece {
        case .content(let text):
            return ["content": .string(text)]
        case .reasoning(let text):
            return ["reasoning_content": .string(text)]
        case .toolCall(let callID, let name, let arguments):
            let callIndex = choices[index]!.toolCallCount
            choices[index]!.toolCallCount += 1
            var call = RenderedToolCall(id: callID, name: name, arguments: arguments).json
            if case .object(var object) = call {
                object["index"] = .int(Int64(callIndex))
                call = .object(object)
            }
            return ["tool_calls": [call]]
        }
    }

    private func closingChunks() -> [JSONValue] {
        var chunks: [JSONValue] = []
        for index in choices.keys.sorted() {
            let state = choices[index]!
            if options.showSearchLinks, let sources = GroundingSources.markdown(from: state.grounding) {
                chunks.append(chunk(index: index, delta: ["content": .string(sources)]))
            }
            let reason = promptBlocked && index == 0 && state.toolCallCount == 0
                ? "content_filter"
                : OpenAIFinishReason.map(state.lastFinishReason, hasToolCalls: state.toolCallCount > 0)
            chunks.append(chunk(index: index, delta: [:], finishReason: reason))
        }
        if includeUsage {
            var usageChunk = envelope(choices: [])
            if case .object(var object) = usageChunk {
                object["usage"] = OpenAIUsage.from(lastUsage)
                usageChunk = .object(object)
            }
            chunks.append(usageChunk)
        }
        return chunks
    }

    private func chunk(index: Int, delta: JSONValue, finishReason: String? = nil) -> JSONValue {
        envelope(choices: [
            [
                "index": .int(Int64(index)),
                "delta": delta,
                "logprobs": .null,
                "finish_reason": finishReason.map(JSONValue.string) ?? .null,
            ]
        ])
    }

    private func envelope(choices: [JSONValue]) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id),
            "object": "chat.completion.chunk",
            "created": .int(Int64(created)),
            "model": .string(options.requestedModel),
            "choices": .array(choices),
        ]
        if includeUsage { object["usage"] = .null }
        return .object(object)
    }
}
