/// Gemini `finishReason` → OpenAI `finish_reason` (wire reference §5.3).
public enum OpenAIFinishReason {
    /// Reasons that mean the answer was withheld or cut by a filter.
    static let filtered: Set<String> = [
        "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "LANGUAGE", "IMAGE_SAFETY",
        "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION", "IMAGE_OTHER", "NO_IMAGE", "OTHER",
    ]

    /// - Parameters:
    ///   - geminiReason: the candidate's `finishReason`, nil when absent.
    ///   - hasToolCalls: the candidate produced function calls (Gemini says STOP for them).
    public static func map(_ geminiReason: String?, hasToolCalls: Bool) -> String {
        if hasToolCalls { return "tool_calls" }
        guard let geminiReason else { return "stop" }
        if geminiReason == "MAX_TOKENS" { return "length" }
        if filtered.contains(geminiReason) { return "content_filter" }
        // STOP, MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL, TOO_MANY_TOOL_CALLS,
        // MISSING_THOUGHT_SIGNATURE, FINISH_REASON_UNSPECIFIED and anything new: OpenAI has
        // nothing closer than "stop".
        return "stop"
    }
}
