import Wire

/// A `chat/completions` request on Google's OpenAI-compatible surface, read into the same
/// `Conversation` the native API uses, so answers and the Gemini 3 signature rule are shared.
struct ChatCompletionRequest: Sendable {
    var modelID: String
    var conversation: Conversation
    var stream: Bool
    var includeUsage: Bool
}

enum ChatCompletionReader {
    /// Parameters of OpenAI's Chat Completions; any other top-level name is refused with Google's
    /// "Unknown name" 400 (free-claude-code#542 shows it for a stray `"google"` key).
    static let knownFields: Set<String> = [
        "model", "messages", "stream", "stream_options", "tools", "tool_choice", "temperature", "top_p", "n",
        "max_tokens", "max_completion_tokens", "stop", "presence_penalty", "frequency_penalty", "seed",
        "response_format", "reasoning_effort", "extra_body", "logprobs", "top_logprobs", "user", "modalities", "audio",
        "parallel_tool_calls", "logit_bias", "metadata", "store", "service_tier", "prediction", "functions",
        "function_call", "web_search_options",
    ]
    static let reasoningEfforts = ["high", "low", "medium", "none"]

    static func read(_ body: JSONValue) throws(GoogleError) -> ChatCompletionRequest {
        guard case .object(let fields) = body else {
            throw GoogleErrorCatalog.invalidPayload("Invalid JSON payload received. Expected an object.", field: nil)
        }
        let unknown = fields.keys.filter { !knownFields.contains($0) }.sorted()
        if !unknown.isEmpty { throw ProtoMessage.unknownNames(unknown, path: "") }
        guard let model = fields["model"]?.stringValue, !model.isEmpty else {
            throw GoogleErrorCatalog.invalidArgument("Model name is required.")
        }
        guard case .array(let messages)? = fields["messages"], !messages.isEmpty else {
            throw GoogleErrorCatalog.invalidArgument("messages must not be empty.")
        }
        var conversation = Conversation()
        try readMessages(messages, into: &conversation)
        readTools(fields, into: &conversation)
        try readOptions(fields, modelID: ModelCatalog.bareID(model), into: &conversation)
        return ChatCompletionRequest(
            modelID: ModelCatalog.bareID(model), conversation: conversation,
            stream: fields["stream"]?.boolValue ?? false,
            includeUsage: fields["stream_options"]?["include_usage"]?.boolValue ?? false)
    }

    // MARK: Messages

    private static func readMessages(_ messages: [JSONValue], into conversation: inout Conversation) throws(GoogleError) {
        var systemTexts: [String] = []
        /// Tool call ids of the assistant turns so far, to name the function of each tool result.
        var functionNamesByCallID: [String: String] = [:]
        for (position, message) in messages.enumerated() {
            let role = message["role"]?.stringValue ?? ""
            switch role {
            case "system", "developer":
                systemTexts.append(text(of: message["content"]))
            case "user":
                conversation.turns.append(.init(role: .user, parts: userParts(message["content"]), position: position))
            case "assistant":
                var parts: [Conversation.Part] = []
                let content = text(of: message["content"])
                if !content.isEmpty { parts.append(.init(kind: .text(content))) }
                for call in message["tool_calls"]?.arrayValue ?? [] {
                    let name = call["function"]?["name"]?.stringValue ?? ""
                    if let id = call["id"]?.stringValue { functionNamesByCallID[id] = name }
                    let arguments = call["function"]?["arguments"]?.stringValue.flatMap { try? JSONValue.parse($0) }
                    parts.append(.init(
                        kind: .functionCall(name: name, args: arguments),
                        thoughtSignature: call["extra_content"]?["google"]?["thought_signature"]?.stringValue))
                }
                conversation.turns.append(.init(role: .model, parts: parts, position: position))
            case "tool", "function":
                let callID = message["tool_call_id"]?.stringValue ?? ""
                let name = functionNamesByCallID[callID] ?? message["name"]?.stringValue ?? callID
                let content = text(of: message["content"])
                let response: JSONValue = (try? JSONValue.parse(content)).flatMap { $0.objectValue != nil ? $0 : nil }
                    ?? .object(["content": .string(content)])
                let part = Conversation.Part(kind: .functionResponse(name: name, response: response))
                // Results of parallel calls form one user turn, as on the native API.
                if let last = conversation.turns.last, last.role == .user, !last.functionResponses.isEmpty {
                    conversation.turns[conversation.turns.count - 1].parts.append(part)
                } else {
                    conversation.turns.append(.init(role: .user, parts: [part], position: position))
                }
            default:
                throw GoogleErrorCatalog.invalidArgument("Invalid role: \(role). Valid roles are: system, developer, user, assistant, tool.")
            }
        }
        if !systemTexts.isEmpty { conversation.systemText = systemTexts.joined(separator: "\n") }
    }

    /// A string, or the text parts of a content array joined.
    private static func text(of content: JSONValue?) -> String {
        switch content {
        case .string(let text)?: return text
        case .array(let parts)?: return parts.compactMap { $0["text"]?.stringValue }.joined(separator: " ")
        default: return ""
        }
    }

    private static func userParts(_ content: JSONValue?) -> [Conversation.Part] {
        guard case .array(let items)? = content else { return [.init(kind: .text(text(of: content)))] }
        return items.map { item in
            switch item["type"]?.stringValue {
            case "image_url": return .init(kind: .inlineData(mimeType: "image/png"))
            case "input_audio": return .init(kind: .inlineData(mimeType: "audio/" + (item["input_audio"]?["format"]?.stringValue ?? "wav")))
            default: return .init(kind: .text(item["text"]?.stringValue ?? ""))
            }
        }
    }

    // MARK: Tools and options

    private static func readTools(_ fields: [String: JSONValue], into conversation: inout Conversation) {
        for tool in fields["tools"]?.arrayValue ?? [] {
            guard let function = tool["function"] else { continue }
            conversation.functions.append(.init(name: function["name"]?.stringValue ?? "", parameters: function["parameters"]))
        }
        switch fields["tool_choice"] {
        case .string("none")?: conversation.functionCallingMode = "NONE"
        case .string("required")?: conversation.functionCallingMode = "ANY"
        case .object(let choice)?:
            conversation.functionCallingMode = "ANY"
            if let name = choice["function"]?["name"]?.stringValue { conversation.allowedFunctionNames = [name] }
        default: break
        }
    }

    private static func readOptions(_ fields: [String: JSONValue], modelID: String, into conversation: inout Conversation) throws(GoogleError) {
        var options = GenerationOptions()
        options.maxOutputTokens = fields["max_completion_tokens"]?.intValue ?? fields["max_tokens"]?.intValue
        options.candidateCount = max(1, fields["n"]?.intValue ?? 1)
        if let format = fields["response_format"]?["type"]?.stringValue, format == "json_object" || format == "json_schema" {
            options.responseMimeType = "application/json"
        }
        if let effort = fields["reasoning_effort"]?.stringValue {
            guard reasoningEfforts.contains(effort) else {
                throw GoogleErrorCatalog.invalidArgument(
                    "Invalid reasoning_effort: \(effort). Valid values are: \(reasoningEfforts.joined(separator: ", "))")
            }
            if modelID == "gemini-3-pro-preview", effort == "medium" {
                throw GoogleErrorCatalog.invalidArgument(
                    "Thinking level MEDIUM is not supported for this model. Please retry with other thinking level")
            }
            if effort == "none" { options.thinkingBudget = 0 }
        }
        let google = fields["extra_body"]?["google"] ?? fields["extra_body"]?["extra_body"]?["google"]
        if let thinking = google?["thinking_config"] {
            options.includeThoughts = thinking["include_thoughts"]?.boolValue ?? false
            options.thinkingBudget = thinking["thinking_budget"]?.intValue ?? options.thinkingBudget
        }
        conversation.options = options
    }
}
