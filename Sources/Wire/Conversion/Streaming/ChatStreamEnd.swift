/// How a translated stream ends.
public struct ChatStreamEnd: Sendable, Equatable {
    /// The closing payloads, in order: each choice's final chunk (`delta: {}` and its
    /// `finish_reason`), then the usage chunk when the client asked for usage. The caller then
    /// writes `data: [DONE]`. Empty when `isTruncated`.
    public let chunks: [JSONValue]
    /// The upstream stream ended without any `finishReason` (and without a blocked prompt): the
    /// answer was cut. Send `OpenAIStreamError.payload(...)` instead of pretending it finished.
    public let isTruncated: Bool
}
