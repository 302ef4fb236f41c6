/// What the gateway needs to make the upstream call for one chat request, and to convert its
/// answer back.
public struct ChatRequestPlan: Sendable, Equatable {
    /// The model id parsed into base and variant flags; `model.base` goes in the upstream URL
    /// (`models/{base}:generateContent` or `:streamGenerateContent?alt=sse`).
    public let model: ModelVariant
    /// The client asked for a stream (`stream: true`).
    public let stream: Bool
    /// `stream_options.include_usage`: the stream ends with a usage chunk.
    public let includeUsage: Bool
    /// The Gemini `GenerateContentRequest` body.
    public let body: JSONValue
    /// Settings for converting the answer (requested model id, search links).
    public let response: ChatResponseOptions

    /// The upstream model name, without `models/`.
    public var upstreamModel: String { model.base }
}
