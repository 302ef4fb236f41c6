/// OpenAI's `reasoning_effort`, with the spellings clients actually send.
enum ReasoningEffort: Equatable {
    case none, minimal, low, medium, high
    /// "auto" (SillyTavern): leave thinking to the model and the gateway settings.
    case automatic

    static func parse(_ value: JSONValue?) throws(ConversionError) -> ReasoningEffort? {
        guard let value, !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw ConversionError.invalid("reasoning_effort", "reasoning_effort must be a string.")
        }
        switch text.lowercased().trimmingSpaces {
        case "none", "off", "disable", "disabled": return ReasoningEffort.none
        case "minimal", "min", "minimum": return .minimal
        case "low": return .low
        case "medium": return .medium
        case "high", "max", "maximum", "xhigh": return .high
        case "auto", "": return .automatic
        default:
            throw ConversionError.invalid(
                "reasoning_effort", "'\(text)' is not a reasoning effort (none, minimal, low, medium or high).")
        }
    }

    /// Gemini 2.5 budgets, as Google's own compatibility layer maps them.
    var budget: Int {
        switch self {
        case .none: return 0
        case .minimal, .low: return 1024
        case .medium: return 8192
        case .high, .automatic: return 24576
        }
    }

    /// Gemini 3 levels: LOW and HIGH are the two every Gemini 3 model accepts (Pro refuses
    /// MINIMAL and MEDIUM).
    var level: String {
        switch self {
        case .none, .minimal, .low: return "low"
        case .medium, .high, .automatic: return "high"
        }
    }
}
