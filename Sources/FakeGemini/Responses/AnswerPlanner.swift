/// Decides what the fake model answers. Deterministic, so tests can assert on it:
///
/// - text: `"Echo: "` + the last user text (a test sees that its message arrived);
/// - with `responseMimeType: application/json`: `{"echo": "<last user text>"}`;
/// - functions declared and the last user turn is text: one `functionCall` per function;
/// - the last user turn holds function responses: `"Results: name=<response>, …"`;
/// - the prompt contains `FAKE_BLOCK_PROMPT`: a blocked prompt (200, no candidates);
/// - image models or an IMAGE modality add a PNG part; TTS models answer with audio only.
enum AnswerPlanner {
    /// Put this in a prompt to get a `promptFeedback.blockReason: SAFETY` answer.
    static let blockTrigger = "FAKE_BLOCK_PROMPT"

    static func plan(_ conversation: Conversation, model: FakeModel, signatures: ThoughtSignatures) throws(GoogleError) -> Answer {
        let options = conversation.options
        let lastUser = conversation.lastUserTurn
        let userText = lastUser?.text ?? ""
        var answer = Answer(body: .text(""), promptTokenCount: TokenCounter.prompt(conversation))
        answer.candidateCount = options.candidateCount

        if userText.contains(blockTrigger) {
            answer.body = .blockedPrompt
            return answer
        }
        if model.producesAudio {
            try requireAudioModality(options, model: model)
            answer.body = .audio(base64: FakeMedia.toneBase64)
            answer.candidatesTokenCount = Int(FakeMedia.audioSeconds * Double(TokenCounter.audioTokensPerSecond))
            return answer
        }

        if let responses = lastUser?.functionResponses, !responses.isEmpty {
            let results = responses.map { "\($0.name)=\(OrderedJSON($0.response ?? .null).renderedText(.compact))" }
            answer.body = .text("Results: " + results.joined(separator: ", "))
        } else if let calls = functionCalls(for: conversation), !calls.isEmpty {
            answer.body = .functionCalls(calls)
            if model.signsFunctionCalls { answer.thoughtSignature = signatures.issue(model: model.id) }
        } else if options.responseMimeType?.lowercased() == "application/json" {
            answer.body = .text(OrderedJSON(["echo": .string(userText)]).renderedText(.googleCompact))
        } else {
            answer.body = .text("Echo: " + userText)
        }

        applyOutputLimit(to: &answer, limit: options.maxOutputTokens)
        if model.producesImages || options.responseModalities.contains("IMAGE") {
            answer.imageBase64 = FakeMedia.pngBase64(prompt: userText)
            answer.candidatesTokenCount += TokenCounter.imageOutputTokens
        }
        if thinks(model, options) {
            let summary = "**Reading the request**\nThe user sent \(TokenCounter.words(userText)) words; I will answer them."
            answer.thoughtsTokenCount = TokenCounter.words(summary)
            if options.includeThoughts { answer.thoughtSummary = summary }
        }
        return answer
    }

    /// Calls for every declared function the config allows, unless calling is switched off.
    private static func functionCalls(for conversation: Conversation) -> [Answer.FunctionCall]? {
        guard !conversation.functions.isEmpty, conversation.functionCallingMode != "NONE" else { return nil }
        let allowed = conversation.allowedFunctionNames.flatMap { $0.isEmpty ? nil : Set($0) }
        return conversation.functions
            .filter { allowed?.contains($0.name) ?? true }
            .map { Answer.FunctionCall(name: $0.name, args: FunctionCallArguments.build(from: $0.parameters)) }
    }

    /// Counts the answer's tokens and cuts text at `maxOutputTokens`, finishing with MAX_TOKENS.
    private static func applyOutputLimit(to answer: inout Answer, limit: Int?) {
        switch answer.body {
        case .text(let text):
            let words = TokenCounter.words(text)
            if let limit, limit > 0, words > limit {
                let truncated = text.split(whereSeparator: \.isWhitespace).prefix(limit).joined(separator: " ")
                answer.body = .text(truncated)
                answer.candidatesTokenCount = TokenCounter.words(truncated)
                answer.finishReason = "MAX_TOKENS"
            } else {
                answer.candidatesTokenCount = words
            }
        case .functionCalls(let calls):
            answer.candidatesTokenCount = calls.reduce(0) { $0 + 2 + TokenCounter.words($1.name) }
        case .audio, .blockedPrompt:
            break
        }
    }

    /// 2.5 and 3 think unless a budget of 0 switched thinking off (Pro cannot switch it off).
    private static func thinks(_ model: FakeModel, _ options: GenerationOptions) -> Bool {
        model.thinks && options.thinkingBudget != 0
    }

    private static func requireAudioModality(_ options: GenerationOptions, model: FakeModel) throws(GoogleError) {
        guard !options.responseModalities.contains("AUDIO") else { return }
        let asked = options.responseModalities.isEmpty ? "TEXT" : options.responseModalities.joined(separator: ", ")
        throw GoogleErrorCatalog.invalidArgument(
            "The requested combination of response modalities (\(asked)) is not supported by the model. "
                + "\(model.name) accepts the following combination of response modalities:\n* AUDIO\n")
    }
}
