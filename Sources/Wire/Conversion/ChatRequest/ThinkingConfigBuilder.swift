/// Decides `generationConfig.thinkingConfig`.
///
/// Precedence, first that applies:
/// 1. `extra_body.google.thinking_config` from the client, as given (snake_case keys accepted);
/// 2. the `-non-thinking` suffix (the model id is a deliberate choice; some clients send a
///    default `reasoning_effort` on every request);
/// 3. `reasoning_effort`;
/// 4. `THINKING_BUDGET_MAP`, looked up by the base model name (gemini-balance used the suffixed
///    name, so `x-search` fell back to a budget of 1000);
/// 5. nothing but `includeThoughts`.
/// Models that do not think get no thinking config at all (it would be a 400). A budget and a
/// level are never sent together (also a 400). `includeThoughts: true` is added when
/// `SHOW_THINKING_PROCESS` is on and thinking is not switched off.
struct ThinkingConfigBuilder {
    let family: GeminiModelFamily
    let showThinking: Bool

    func config(
        variant: ModelVariant, reasoningEffort: ReasoningEffort?, clientConfig: JSONValue?, budgetMap: [String: Double]
    ) -> JSONValue? {
        if let clientConfig, case .object(let given) = clientConfig {
            return fromClient(given)
        }
        guard family.thinking != .none else { return nil }
        if variant.nonThinking {
            return off()
        }
        if let effort = reasoningEffort, effort != .automatic {
            if effort == .none { return off() }
            switch family.thinking {
            case .level: return withThoughts(["thinkingLevel": .string(effort.level)])
            default: return withThoughts(["thinkingBudget": .int(Int64(effort.budget))])
            }
        }
        if let budget = budgetMap[variant.base] {
            // Kept within Gemini's int32 field: a mistyped huge budget (1e20) in the setting
            // would otherwise trap in `Int64(_:)` on every request for the model.
            var value = Int64(min(max(budget.rounded(), Double(Int32.min)), Double(Int32.max)))
            if value == 0, family.cannotDisableThinking { value = 128 }
            return value == 0 ? ["thinkingBudget": 0] : withThoughts(["thinkingBudget": .int(value)])
        }
        return showThinking ? ["includeThoughts": true] : nil
    }

    /// Thinking as far off as the model allows, without thought summaries.
    private func off() -> JSONValue {
        switch family.thinking {
        case .level: return ["thinkingLevel": "low"]
        default: return ["thinkingBudget": .int(family.cannotDisableThinking ? 128 : 0)]
        }
    }

    private func withThoughts(_ config: [String: JSONValue]) -> JSONValue {
        var config = config
        if showThinking { config["includeThoughts"] = true }
        return .object(config)
    }

    private func fromClient(_ given: [String: JSONValue]) -> JSONValue {
        var config: [String: JSONValue] = [:]
        for (key, value) in given {
            let name = GeminiRequestFields.camelCase(key)
            if GeminiRequestFields.thinkingConfig.contains(name) { config[name] = value }
        }
        if config["thinkingBudget"] != nil, config["thinkingLevel"] != nil {
            // Both is a 400; keep the one the model family prefers.
            config.removeValue(forKey: family.thinking == .level ? "thinkingBudget" : "thinkingLevel")
        }
        let disabled = config["thinkingBudget"]?.intValue == 0
        if config["includeThoughts"] == nil, showThinking, !disabled, family.thinking != .none {
            config["includeThoughts"] = true
        }
        return .object(config)
    }
}
