/// Converts OpenAI `messages` into Gemini `contents` and `systemInstruction`.
///
/// Rules (several fix what gemini-balance got wrong):
/// - `system` and `developer` messages, wherever they appear, are joined in order (blank line
///   between) into `systemInstruction`. Mid-conversation system messages (SillyTavern's author
///   notes, NextChat's injected context) are folded in rather than turned into user turns:
///   Gemini has one instruction slot, and a user turn would put words in the user's mouth.
/// - Assistant text and `tool_calls` become one model turn with text and `functionCall` parts.
/// - A trailing assistant message stays a model turn (a prefill the model continues).
/// - A history that opens with an assistant message gets a blank user turn in front, because
///   Gemini refuses contents that start with a model turn.
/// - `tool` results become `functionResponse` parts named after the call they answer;
///   consecutive results form one user turn, ordered as the calls were.
/// - Consecutive turns of the same role are merged; empty messages are dropped; `name` is
///   dropped (Gemini has no such field).
struct MessagesConverter {
    let contentParts: MessageContentParts
    let signature: ThoughtSignatureLookup
    let family: GeminiModelFamily

    struct Result {
        let systemInstruction: JSONValue?
        let contents: [JSONValue]
        /// Some user turn carries media (gemini-balance withholds code execution then).
        let hasMedia: Bool
    }

    /// A call declared by an assistant message, for naming and ordering its result.
    private struct DeclaredCall {
        let name: String
        let ordinal: Int
    }

    /// A tool result waiting for the end of its run of tool messages.
    private struct PendingResult {
        let ordinal: Int
        let part: JSONValue
    }

    func convert(_ messages: [JSONValue]) throws(ConversionError) -> Result {
        var systemTexts: [String] = []
        var turns: [TurnDraft] = []
        var declared: [String: DeclaredCall] = [:]
        var callOrdinal = 0
        var pending: [PendingResult] = []
        var hasMedia = false

        func flushResults() {
            guard !pending.isEmpty else { return }
            // A stable sort keeps message order among results whose call is unknown.
            let ordered = pending.enumerated().sorted { ($0.element.ordinal, $0.offset) < ($1.element.ordinal, $1.offset) }
            turns.append(TurnDraft(role: .user, parts: ordered.map { .ready($0.element.part) }))
            pending.removeAll()
        }

        for (index, message) in messages.enumerated() {
            let param = "messages[\(index)]"
            guard message.objectValue != nil else {
                throw ConversionError.invalid(param, "each message must be an object with a 'role'.")
            }
            guard let role = message["role"]?.stringValue?.lowercased(), !role.isEmpty else {
                throw ConversionError.invalid(param + ".role", "the message has no role.")
            }
            if role != "tool", role != "function" { flushResults() }

            switch role {
            case "system", "developer":
                let text = try systemText(of: message["content"], param: param + ".content")
                if !text.isEmpty { systemTexts.append(text) }

            case "user":
                let parts = try contentParts.parts(of: message["content"], param: param + ".content")
                if parts.contains(where: { $0["inlineData"] != nil || $0["fileData"] != nil }) { hasMedia = true }
                turns.append(TurnDraft(role: .user, parts: parts.map { .ready($0) }))

            case "assistant", "model":
                var parts = try contentParts.parts(of: message["content"], param: param + ".content").map {
                    TurnDraft.Part.ready($0)
                }
                for call in try AssistantToolCalls.calls(in: message, param: param) {
                    if let id = call.id {
                        declared[id] = DeclaredCall(name: call.name, ordinal: callOrdinal)
                    }
                    callOrdinal += 1
                    parts.append(.functionCall(name: call.name, args: call.args, callID: call.id, echoedSignature: call.echoedSignature))
                }
                turns.append(TurnDraft(role: .model, parts: parts))

            case "tool", "function":
                let call = try declaredCall(for: message, role: role, declared: declared, param: param)
                let media = try ToolResultMessages.mediaParts(of: message["content"], converter: contentParts, param: param + ".content")
                pending.append(
                    PendingResult(
                        ordinal: call.ordinal,
                        part: ToolResultMessages.part(
                            name: call.name, response: ToolResultMessages.response(for: message["content"]), media: media)))

            default:
                throw ConversionError.invalid(
                    param + ".role", "unknown role '\(role)' (expected system, developer, user, assistant or tool).")
            }
        }
        flushResults()

        let merged = TurnDraft.merged(turns)
        var contents = merged.map {
            $0.render(signature: signature, requiresSignatures: family.requiresThoughtSignatures)
        }
        if contents.isEmpty {
            guard !systemTexts.isEmpty else {
                throw ConversionError.invalid("messages", "at least one message with content is required.")
            }
            // Gemini needs a turn; a lone system prompt is answered as if the user said nothing.
            contents = [Self.silentUserTurn]
        } else if merged.first?.role == .model {
            // Gemini refuses a history that opens with a model turn ("Please ensure that
            // multiturn requests alternate between user and model"); SillyTavern's histories open
            // with the character's greeting. An empty-looking user turn keeps the greeting.
            contents.insert(Self.silentUserTurn, at: 0)
        }
        let systemInstruction: JSONValue? = systemTexts.isEmpty
            ? nil : ["parts": [["text": .string(systemTexts.joined(separator: "\n\n"))]]]
        return Result(systemInstruction: systemInstruction, contents: contents, hasMedia: hasMedia)
    }

    static let silentUserTurn: JSONValue = ["role": "user", "parts": [["text": " "]]]

    /// System content is text only; other parts (images in a system prompt) are not supported
    /// by Gemini's `systemInstruction` and are left out.
    private func systemText(of content: JSONValue?, param: String) throws(ConversionError) -> String {
        switch content {
        case nil, .null?:
            return ""
        case .string(let text)?:
            return text
        case .array(let items)?:
            return items.compactMap { $0.stringValue ?? $0["text"]?.stringValue }.joined(separator: "\n")
        default:
            throw ConversionError.invalid(param, "content must be a string or a list of content parts.")
        }
    }

    /// The call a tool result answers. A `tool` message is matched by `tool_call_id`; when the id
    /// is unknown but the message carries the function `name`, that name is used (clients that
    /// trim history keep the result and lose the call). Legacy `function` messages carry `name`.
    private func declaredCall(
        for message: JSONValue, role: String, declared: [String: DeclaredCall], param: String
    ) throws(ConversionError) -> DeclaredCall {
        let fallbackOrdinal = Int.max
        if role == "tool" {
            let id = message["tool_call_id"]?.stringValue
            if let id, let call = declared[id] { return call }
            if let name = message["name"]?.stringValue, !name.isEmpty {
                return DeclaredCall(name: name, ordinal: fallbackOrdinal)
            }
            guard let id, !id.isEmpty else {
                throw ConversionError(
                    .invalidToolHistory, "\(param): the tool message has no tool_call_id.", param: param + ".tool_call_id")
            }
            throw ConversionError(
                .invalidToolHistory,
                "\(param): tool message refers to tool_call_id \(id), which no earlier assistant message declared.",
                param: param + ".tool_call_id")
        }
        guard let name = message["name"]?.stringValue, !name.isEmpty else {
            throw ConversionError(.invalidToolHistory, "\(param): the function message has no name.", param: param + ".name")
        }
        return DeclaredCall(name: name, ordinal: fallbackOrdinal)
    }
}
