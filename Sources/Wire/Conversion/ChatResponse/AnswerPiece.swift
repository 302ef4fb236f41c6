/// One piece of a Gemini candidate as OpenAI sees it, in the order Gemini produced it.
enum AnswerPiece: Equatable {
    /// Answer text (also images and code, rendered as markdown).
    case content(String)
    /// A thought summary (`thought: true`): `reasoning_content`.
    case reasoning(String)
    /// A function call with the tool-call id handed to the client.
    case toolCall(id: String, name: String, arguments: String)
}

/// A tool call in OpenAI form.
struct RenderedToolCall: Equatable {
    let id: String
    let name: String
    let arguments: String

    var json: JSONValue {
        ["id": .string(id), "type": "function", "function": ["name": .string(name), "arguments": .string(arguments)]]
    }
}
