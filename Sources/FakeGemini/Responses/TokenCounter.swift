import Wire

/// Deterministic token counts: one token per whitespace-separated word, so tests can predict them.
enum TokenCounter {
    /// What Google bills for one image in a prompt or an answer.
    static let imagePromptTokens = 258
    static let imageOutputTokens = 1290
    /// Audio is billed at 25 tokens per second.
    static let audioTokensPerSecond = 25

    static func words(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }

    /// The prompt's size: every text word, every media part, and function traffic, plus the system
    /// instruction. Never zero, as a real prompt always costs something.
    static func prompt(_ conversation: Conversation) -> Int {
        var total = words(conversation.systemText ?? "")
        for turn in conversation.turns {
            for part in turn.parts {
                total += tokens(in: part)
            }
        }
        return max(total, 1)
    }

    static func tokens(in part: Conversation.Part) -> Int {
        switch part.kind {
        case .text(let text): return words(text)
        case .inlineData, .fileData: return imagePromptTokens
        case .functionCall(let name, let args): return 1 + words(name) + jsonWords(args)
        case .functionResponse(let name, let response): return 1 + words(name) + jsonWords(response)
        case .code: return 1
        }
    }

    /// Words in the scalar values of a JSON document.
    static func jsonWords(_ value: JSONValue?) -> Int {
        switch value {
        case nil, .null?: return 0
        case .string(let text)?: return words(text)
        case .bool?, .int?, .double?: return 1
        case .array(let items)?: return items.reduce(0) { $0 + jsonWords($1) }
        case .object(let fields)?: return fields.values.reduce(0) { $0 + jsonWords($1) }
        }
    }
}
