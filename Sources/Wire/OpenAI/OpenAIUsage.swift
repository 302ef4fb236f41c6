/// Gemini `usageMetadata` → OpenAI `usage`.
public enum OpenAIUsage {
    /// `prompt_tokens` = prompt (+ tool-use prompt) tokens; `completion_tokens` = candidate +
    /// thought tokens (OpenAI counts reasoning as completion); `total_tokens` = Gemini's total,
    /// so prompt + completion = total as clients check. Missing metadata gives zeros.
    public static func from(_ metadata: JSONValue?) -> JSONValue {
        let prompt = metadata?["promptTokenCount"]?.intValue ?? 0
        let toolPrompt = metadata?["toolUsePromptTokenCount"]?.intValue ?? 0
        let candidates = metadata?["candidatesTokenCount"]?.intValue ?? 0
        let thoughts = metadata?["thoughtsTokenCount"]?.intValue ?? 0
        let cached = metadata?["cachedContentTokenCount"]?.intValue ?? 0
        let promptTokens = prompt + toolPrompt
        let completionTokens = candidates + thoughts
        let total = metadata?["totalTokenCount"]?.intValue ?? (promptTokens + completionTokens)
        return [
            "prompt_tokens": .int(Int64(promptTokens)),
            "completion_tokens": .int(Int64(completionTokens)),
            "total_tokens": .int(Int64(total)),
            "prompt_tokens_details": ["cached_tokens": .int(Int64(cached))],
            "completion_tokens_details": ["reasoning_tokens": .int(Int64(thoughts))],
        ]
    }
}
