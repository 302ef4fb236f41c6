/// Maps `tool_choice` (and legacy `function_call`) to Gemini's `functionCallingConfig`.
enum ToolChoice {
    /// What the choice asks of Gemini.
    struct Decision: Equatable {
        /// The `functionCallingConfig`; nil when the client left the choice to the model
        /// (Gemini's default is AUTO).
        var config: JSONValue?
        /// `allowed_tools`: only these functions may be called, so only these are declared.
        /// Gemini restricts calls by name (`allowedFunctionNames`) in ANY mode only; leaving the
        /// others undeclared restricts AUTO mode too.
        var onlyFunctions: Set<String>?
    }

    static func decide(
        toolChoice: JSONValue?, legacyFunctionCall: JSONValue?, declaredNames: [String]
    ) throws(ConversionError) -> Decision {
        if let toolChoice {
            return try decision(for: toolChoice, param: "tool_choice", declaredNames: declaredNames)
        }
        if let legacyFunctionCall {
            return try decision(for: legacyFunctionCall, param: "function_call", declaredNames: declaredNames)
        }
        return Decision()
    }

    private static func decision(for choice: JSONValue, param: String, declaredNames: [String]) throws(ConversionError) -> Decision {
        switch choice {
        case .string(let mode):
            switch mode.lowercased() {
            case "auto": return Decision(config: ["mode": "AUTO"])
            case "none": return Decision(config: ["mode": "NONE"])
            case "required", "any": return Decision(config: ["mode": "ANY"])
            default:
                throw ConversionError.invalid(param, "'\(mode)' is not a tool choice (auto, none, required or a function).")
            }
        case .object:
            if choice["type"]?.stringValue == "allowed_tools" {
                return try allowedTools(choice["allowed_tools"], param: param + ".allowed_tools", declaredNames: declaredNames)
            }
            // {type:"function", function:{name}} and legacy {name}.
            guard let name = choice.value(at: "function", "name")?.stringValue ?? choice["name"]?.stringValue else {
                throw ConversionError.invalid(param, "a tool choice object must name a function: {\"type\":\"function\",\"function\":{\"name\":…}}.")
            }
            try check([name], param: param, declaredNames: declaredNames)
            return Decision(config: ["mode": "ANY", "allowedFunctionNames": [.string(name)]])
        default:
            throw ConversionError.invalid(param, "tool_choice must be a string or an object.")
        }
    }

    /// `{"mode":"auto"|"required","tools":[{"type":"function","function":{"name"}}, …]}`; the
    /// Responses-style `{"type":"function","name"}` is read too.
    private static func allowedTools(_ allowed: JSONValue?, param: String, declaredNames: [String]) throws(ConversionError) -> Decision {
        let names = (allowed?["tools"]?.arrayValue ?? []).compactMap { $0.value(at: "function", "name")?.stringValue ?? $0["name"]?.stringValue }
        guard !names.isEmpty else {
            throw ConversionError.invalid(param + ".tools", "allowed_tools must list at least one function by name.")
        }
        try check(names, param: param, declaredNames: declaredNames)
        switch allowed?["mode"]?.stringValue?.lowercased() ?? "auto" {
        case "auto":
            return Decision(config: ["mode": "AUTO"], onlyFunctions: Set(names))
        case "required":
            return Decision(config: ["mode": "ANY", "allowedFunctionNames": .array(names.map(JSONValue.string))], onlyFunctions: Set(names))
        case let other:
            throw ConversionError.invalid(param + ".mode", "'\(other)' is not an allowed_tools mode (auto or required).")
        }
    }

    private static func check(_ names: [String], param: String, declaredNames: [String]) throws(ConversionError) {
        for name in names where !declaredNames.contains(name) {
            throw ConversionError.invalid(param, "it names the function '\(name)', which is not among the tools.")
        }
    }
}
