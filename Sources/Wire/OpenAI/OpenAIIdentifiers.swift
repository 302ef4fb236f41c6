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

    /// Sixteen hex digits per 64 random bits: each draw from the system generator is a system
    /// call, so an id takes two of them rather than one per digit.
    static func randomHex(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        text.reserveCapacity(count)
        while text.count < count {
            let bits = generator.next() as UInt64
            let hex = String(bits, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return String(text.prefix(count))
    }
}
