/// Names around Gemini's thought signatures.
public enum GeminiThoughtSignature {
    /// The value Google documents for a function call whose real signature is unknown (history
    /// from another model, or a client that dropped it).
    public static let skipValidator = "skip_thought_signature_validator"
}
