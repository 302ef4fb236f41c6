/// Recognises Google's error envelope where an answer was expected.
public enum GeminiErrorFrame {
    /// The `error` object of `{"error":{…}}`, or of the one-element list `[{"error":{…}}]` that
    /// non-SSE streams and the OpenAI-compatible endpoint send; nil for anything else.
    public static func error(in payload: JSONValue) -> JSONValue? {
        if let error = payload["error"], error.objectValue != nil { return error }
        if let list = payload.arrayValue, list.count == 1, let error = list[0]["error"], error.objectValue != nil {
            return error
        }
        return nil
    }

    /// Whether an SSE `data` payload is an error frame (an SDK raises on such a frame).
    public static func isError(_ payload: String) -> Bool {
        guard payload.contains("\"error\""), let value = try? JSONValue.parse(payload) else { return false }
        return error(in: value) != nil
    }
}
