/// What the fake model "says" to one request, before it is shaped as a whole response or as
/// stream frames.
struct Answer: Sendable {
    enum Body: Sendable {
        /// Ordinary text (already truncated to `maxOutputTokens`).
        case text(String)
        /// One call per declared function, all in the same turn (parallel calls).
        case functionCalls([FunctionCall])
        /// A TTS answer: one audio part and no text.
        case audio(base64: String)
        /// The prompt was refused: no candidates, only `promptFeedback`.
        case blockedPrompt
    }

    struct FunctionCall: Sendable {
        var name: String
        var args: OrderedJSON
    }

    var body: Body
    /// A thought summary, sent as a `thought: true` part only when the request asked for it.
    var thoughtSummary: String?
    /// Thinking the model did (billed whether or not the summary is shown).
    var thoughtsTokenCount = 0
    /// Base64 PNG appended as an `inlineData` part (image models, IMAGE modality).
    var imageBase64: String?
    /// On the first functionCall part (2.5 and 3 models).
    var thoughtSignature: String?
    var finishReason = "STOP"
    var promptTokenCount: Int
    /// Tokens of one candidate.
    var candidatesTokenCount = 0
    var candidateCount = 1

    /// Google's arithmetic: total = prompt + candidates (all of them) + thoughts.
    var totalTokenCount: Int {
        promptTokenCount + candidatesTokenCount * candidateCount + thoughtsTokenCount
    }

    /// The text an OpenAI-style client sees as `content`.
    var visibleText: String? {
        if case .text(let text) = body { return text }
        return nil
    }
}
