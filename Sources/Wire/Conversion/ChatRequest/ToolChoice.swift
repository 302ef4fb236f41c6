/// Maps `tool_choice` (and legacy `function_call`) to Gemini's `functionCallingConfig`.
enum ToolChoice {
    /// nil when the client left the choice to the model (Gemini's default is AUTO).
    static func functionCallingConfig(
        toolChoice: JSONValue?, legacyFunctionCall: JSONValue?, declaredNames: [String]
    ) throws(ConversionError) -> JSONValue? {
        if let toolChoice {
            return try config(for: toolChoice, param: "tool_choice", declaredNames: declaredNames)
        }
        if let legacyFunctionCall {
            return try config(for: legacyFunctionCall, param: "function_call", declaredNames: declaredNames)
        }
        return nil
    }

    private static func config(for choice: JSONValue, param: String, declaredNames: [String]) throws(ConversionError) -> JSONValue? {
        switch choice {
        case .string(let mode):
            switch mode.lowercased() {
            case "auto": return ["mode": "AUTO"]
            case "none": return ["mode": "NONE"]
            case "required", "any": return ["mode": "ANY"]
            default:
                throw ConversionError.invalid(param, "'\(mode)' is not a tool choice (auto, none, required or a function).")
            }
        case .object:
            let type = choice["type"]?.stringValue
            if type == "allowed_tools", let allowed = choice["allowed_tools"] {
                let names = (allowed["tools"]?.arrayValue ?? []).compactMap { $0.value(at: "function", "name")?.stringValue }
                try check(names, param: param, declaredNames: declaredNames)
                if allowed["mode"]?.stringValue == "required" {
                    return ["mode": "ANY", "allowedFunctionNames": .array(names.map(JSONValue.string))]
                }
                return ["mode": "AUTO"]
            }
            // {type:"function", function:{name}} and legacy {name}.
            guard let name = choice.value(at: "function", "name")?.stringValue ?? choice["name"]?.stringValue else {
                throw ConversionError.invalid(param, "a tool choice object must name a function: {\"type\":\"function\",\"function\":{\"name\":…}}.")
            }
            try check([name], param: param, declaredNames: declaredNames)
            return ["mode": "ANY", "allowedFunctionNames": [.string(name)]]
        default:
            throw ConversionError.invalid(param, "tool_choice must be a string or an object.")
        }
    }

    private static func check(_ names: [String], param: String, declaredNames: [String]) throws(ConversionError) {
        for name in names where !declaredNames.contains(name) {
            throw ConversionError.invalid(param, "it names the function '\(name)', which is not among the tools.")
        }
    }
}
