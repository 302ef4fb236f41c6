/// The `thinkingConfig` checks Google applies per model (wire reference §3.3, §3.7).
enum ThinkingRules {
    static func check(_ options: GenerationOptions, model: FakeModel) throws(GoogleError) {
        if options.thinkingBudget != nil, options.thinkingLevel != nil {
            throw GoogleErrorCatalog.invalidArgument("You can only set only one of thinking budget and thinking level.")
        }
        if let level = options.thinkingLevel {
            guard model.family == .gemini3 else {
                throw GoogleErrorCatalog.invalidArgument("Thinking level is not supported for this model.")
            }
            // Gemini 3 Pro only thinks LOW or HIGH.
            if !["LOW", "HIGH"].contains(level) {
                throw GoogleErrorCatalog.invalidArgument(
                    "Thinking level \(level) is not supported for this model. Please retry with other thinking level")
            }
        }
        if let budget = options.thinkingBudget, model.thinks, budget != -1 {
            let range = budgetRange(for: model)
            if budget == 0, !range.canDisable {
                throw GoogleErrorCatalog.invalidArgument("Budget 0 is invalid. This model only works in thinking mode.")
            }
            if budget != 0, !range.limits.contains(budget) {
                throw GoogleErrorCatalog.invalidArgument("The thinking budget (\(budget)) is invalid.")
            }
        }
    }

    /// Budgets from the thinking docs: Flash 1–24576, Flash-Lite 512–24576, Pro 128–32768 and
    /// never off; -1 (dynamic) is always allowed.
    private static func budgetRange(for model: FakeModel) -> (limits: ClosedRange<Int>, canDisable: Bool) {
        switch model.id {
        case "gemini-2.5-pro", "gemini-3-pro-preview": return (128...32768, false)
        case "gemini-2.5-flash-lite": return (512...24576, true)
        default: return (1...24576, true)
        }
    }
}
