/// Reads `tool_calls` (and the legacy `function_call`) of an assistant message.
enum AssistantToolCalls {
    struct Call {
        let id: String?
        let name: String
        let args: JSONValue
        let echoedSignature: String?
    }

    static func calls(in message: JSONValue, param: String) throws(ConversionError) -> [Call] {
        var calls: [Call] = []
        if let toolCalls = message.present("tool_calls") {
            guard let list = toolCalls.arrayValue else {
                throw ConversionError.invalid(param + ".tool_calls", "tool_calls must be a list.")
            }
            for (index, entry) in list.enumerated() {
                let entryParam = "\(param).tool_calls[\(index)]"
                guard let function = entry["function"], function.objectValue != nil else {
                    throw ConversionError.invalid(entryParam + ".function", "a tool call needs a 'function' object.")
                }
                calls.append(
                    Call(
                        id: entry["id"]?.stringValue,
                        name: try name(of: function, param: entryParam + ".function.name"),
                        args: try arguments(function["arguments"], param: entryParam + ".function.arguments"),
                        echoedSignature: entry.value(at: "extra_content", "google", "thought_signature")?.stringValue))
            }
        }
        if let function = message.present("function_call") {
            calls.append(
                Call(
                    id: nil,
                    name: try name(of: function, param: param + ".function_call.name"),
                    args: try arguments(function["arguments"], param: param + ".function_call.arguments"),
                    echoedSignature: nil))
        }
        return calls
    }

    private static func name(of function: JSONValue, param: String) throws(ConversionError) -> String {
        guard let name = function["name"]?.stringValue, !name.isEmpty else {
            throw ConversionError(.invalidToolHistory, "\(param): the tool call has no function name.", param: param)
        }
        return name
    }

    /// The arguments JSON text as a Gemini `args` object. Empty text means no arguments; an
    /// object (some clients send one instead of text) is taken as it is.
    static func arguments(_ value: JSONValue?, param: String) throws(ConversionError) -> JSONValue {
        let parsed: JSONValue
        switch value {
        case nil, .null?:
            return .object([:])
        case .object?:
            return value!
        case .string(let text)?:
            if text.allSatisfy(\.isWhitespace) { return .object([:]) }
            do {
                parsed = try JSONValue.parse(text)
            } catch {
                throw ConversionError(
                    .invalidToolArguments,
                    "\(param): the arguments are not valid JSON (\(error.reason) at byte \(error.offset)): \(text.prefix(120))",
                    param: param)
            }
        default:
            throw ConversionError(.invalidToolArguments, "\(param): arguments must be a JSON text.", param: param)
        }
        guard case .object = parsed else {
            throw ConversionError(
                .invalidToolArguments, "\(param): the arguments must be a JSON object, not \(text(of: parsed)).", param: param)
        }
        return parsed
    }

    private static func text(of value: JSONValue) -> String {
        switch value {
        case .array: return "a list"
        case .string: return "a string"
        case .int, .double: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .object: return "an object"
        }
    }
}
