/// The payload sent when a stream fails after it started (the status line is already 200).
/// The OpenAI SDKs raise on any data frame holding `error`, so the client sees a failure
/// instead of an answer that silently stopped.
public enum OpenAIStreamError {
    /// `{"error":{"message", "type":"server_error", "code"}}`; `code` may be a number (the
    /// upstream status) or a string; nil writes `null`.
    public static func payload(message: String, code: JSONValue? = nil, type: String = "server_error") -> JSONValue {
        ["error": ["message": .string(message), "type": .string(type), "code": code ?? .null]]
    }
}
