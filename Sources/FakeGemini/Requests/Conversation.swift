import Wire

/// What the fake needs to know about a chat request, whichever surface it came in on (native
/// `generateContent` or the OpenAI-compatible `chat/completions`).
struct Conversation: Sendable {
    var turns: [Turn] = []
    var systemText: String?
    var functions: [FunctionDeclaration] = []
    /// `toolConfig.functionCallingConfig.mode` (AUTO, ANY, NONE, VALIDATED), upper-cased.
    var functionCallingMode: String?
    var allowedFunctionNames: [String]?
    var options = GenerationOptions()

    struct Turn: Sendable {
        enum Role: String, Sendable {
            case user
            case model
        }

        var role: Role
        var parts: [Part]
        /// Index in the request's `contents` (or messages), for error positions.
        var position: Int

        var text: String {
            parts.compactMap { part in
                if case .text(let text) = part.kind, !part.isThought { return text }
                return nil
            }.joined(separator: " ")
        }

        var functionResponses: [(name: String, response: JSONValue?)] {
            parts.compactMap { part in
                if case .functionResponse(let name, let response) = part.kind { return (name, response) }
                return nil
            }
        }
    }

    struct Part: Sendable {
        enum Kind: Sendable {
            case text(String)
            case inlineData(mimeType: String)
            case fileData(mimeType: String?)
            case functionCall(name: String, args: JSONValue?)
            case functionResponse(name: String, response: JSONValue?)
            case code
        }

        var kind: Kind
        var isThought = false
        var thoughtSignature: String?
    }

    struct FunctionDeclaration: Sendable {
        var name: String
        /// `parameters` (OpenAPI subset) or `parametersJsonSchema`; both use `properties`.
        var parameters: JSONValue?
    }

    /// The last turn the user sent (the one being answered).
    var lastUserTurn: Turn? {
        turns.last { $0.role == .user }
    }
}

/// `generationConfig` settings that change the answer.
struct GenerationOptions: Sendable {
    var includeThoughts = false
    var thinkingBudget: Int?
    var thinkingLevel: String?
    var responseMimeType: String?
    /// Upper-cased modality names.
    var responseModalities: [String] = []
    var maxOutputTokens: Int?
    var candidateCount = 1
}
