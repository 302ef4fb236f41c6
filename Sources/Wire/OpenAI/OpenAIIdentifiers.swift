/// Random identifiers in the shapes OpenAI clients expect.
public enum OpenAIIdentifiers {
    /// `call_` and 24 random hex digits: a tool-call id minted for a Gemini function call that
    /// came without one. Short, because some clients choke on long ids.
    public static func toolCallID() -> String {
        "call_" + randomHex(count: 24)
    }

    /// `chatcmpl-` and 24 random hex digits: one per completion or stream.
    public static func completionID() -> String {
        "chatcmpl-" + randomHex(count: 24)
    }

    static func randomHex(count: Int) -> String {
        let digits = Array("0123456789abcdef")
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in digits[Int(generator.next() % 16)] })
    }
}
