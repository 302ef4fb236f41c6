/// What the converters need to know about a model from its name alone: which thinking controls
/// it takes, and which request fields it refuses.
public struct GeminiModelFamily: Sendable, Equatable {
    public enum Thinking: Sendable, Equatable {
        /// The model does not think; thinking fields would be a 400.
        case none
        /// Gemini 2.5 and the `-latest` aliases: `thinkingBudget` tokens.
        case budget
        /// Gemini 3 and later: `thinkingLevel` (a budget is tolerated but discouraged).
        case level
    }

    /// The model name without `models/`.
    public let name: String
    public let thinking: Thinking
    /// Gemini 2.5 Pro cannot turn thinking off; its smallest budget is 128.
    public let cannotDisableThinking: Bool
    /// Gemini 3 refuses `presencePenalty` and `frequencyPenalty`.
    public let acceptsPenalties: Bool
    /// Gemini 3 requires a `thoughtSignature` on function calls it is shown again.
    public let requiresThoughtSignatures: Bool

    public init(model: String) {
        let name = ModelVariant.strippingPrefix(model).lowercased()
        self.name = name
        let generation = Self.generation(of: name)
        let isTTSOrImageOnly = name.contains("-tts") || name.hasPrefix("imagen") || name.contains("embedding")
        if let generation, generation >= 3 {
            // Image-output models think on their own and refuse thinking levels.
            thinking = (isTTSOrImageOnly || name.contains("-image")) ? .none : .level
        } else if let generation, generation >= 2.5 {
            // 2.5 image and TTS models do not think.
            thinking = (isTTSOrImageOnly || name.contains("-image")) ? .none : .budget
        } else if generation == nil, name.hasPrefix("gemini-"), name.hasSuffix("-latest") {
            // `gemini-flash-latest`, `gemini-pro-latest`: aliases of thinking models; a budget
            // is accepted by both 2.5 and 3.
            thinking = .budget
        } else {
            thinking = .none
        }
        cannotDisableThinking = name.hasPrefix("gemini-2.5-pro") || name == "gemini-pro-latest"
        acceptsPenalties = !(generation.map { $0 >= 3 } ?? false)
        requiresThoughtSignatures = generation.map { $0 >= 3 } ?? false
    }

    /// `gemini-2.5-flash` → 2.5, `gemini-3-pro-preview` → 3, `gemini-3.1-flash` → 3.1;
    /// nil for names without a version (`gemini-flash-latest`, `gemma-3-27b-it` is not Gemini).
    static func generation(of name: String) -> Double? {
        guard name.hasPrefix("gemini-") else { return nil }
        let rest = name.dropFirst("gemini-".count)
        let version = rest.prefix { $0.isNumber || $0 == "." }
        guard let first = version.first, first.isNumber else { return nil }
        return Double(version.split(separator: ".").prefix(2).joined(separator: "."))
    }
}
