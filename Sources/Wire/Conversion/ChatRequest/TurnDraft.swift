/// A Gemini `Content` under construction. Function calls keep their OpenAI id until the turns
/// are merged, because thought signatures are restored per model turn after merging.
struct TurnDraft {
    enum Role: String {
        case user
        case model
    }

    enum Part {
        /// A finished Gemini part (text, inlineData, fileData, functionResponse).
        case ready(JSONValue)
        /// A function call from an assistant message.
        case functionCall(name: String, args: JSONValue, callID: String?, echoedSignature: String?)
    }

    var role: Role
    var parts: [Part]

    /// Joins consecutive turns of the same role into one, keeping part order. Gemini accepts
    /// repeated roles from current models, but older ones and several clients' histories
    /// (SillyTavern without prompt post-processing) break alternation, and merging is harmless.
    static func merged(_ turns: [TurnDraft]) -> [TurnDraft] {
        var result: [TurnDraft] = []
        for turn in turns where !turn.parts.isEmpty {
            if let last = result.last, last.role == turn.role {
                result[result.count - 1].parts.append(contentsOf: turn.parts)
            } else {
                result.append(turn)
            }
        }
        return result
    }

    /// The Gemini `Content`, with thought signatures put back on function calls.
    ///
    /// Each call gets the signature the client echoed (`extra_content.google.thought_signature`)
    /// or the one the gateway stored for its id. Gemini gives the signature to the first call of
    /// a turn only, and Gemini 3 refuses a turn whose first call has none; when none is known
    /// for a Gemini 3 model, the documented `skip_thought_signature_validator` stands in.
    func render(signature lookup: ThoughtSignatureLookup, requiresSignatures: Bool) -> JSONValue {
        var rendered: [JSONValue] = []
        var sawFunctionCall = false
        for part in parts {
            switch part {
            case .ready(let value):
                rendered.append(value)
            case .functionCall(let name, let args, let callID, let echoed):
                var object: [String: JSONValue] = [
                    "functionCall": .object(["name": .string(name), "args": args])
                ]
                let isFirstCall = !sawFunctionCall
                sawFunctionCall = true
                if let signature = echoed ?? callID.flatMap(lookup), !signature.isEmpty {
                    object["thoughtSignature"] = .string(signature)
                } else if isFirstCall, requiresSignatures {
                    object["thoughtSignature"] = .string(GeminiThoughtSignature.skipValidator)
                }
                rendered.append(.object(object))
            }
        }
        return .object(["role": .string(role.rawValue), "parts": .array(rendered)])
    }
}
