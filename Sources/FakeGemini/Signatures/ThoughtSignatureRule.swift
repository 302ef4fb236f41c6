/// Gemini 3's rule on function calls sent back in the history (wire reference §3.7).
///
/// Only the current turn is checked, as on the real API: the model turns after the last user turn
/// that carries text (i.e. the function-calling loop in progress). In each such model turn with
/// function calls, the FIRST functionCall part must carry a `thoughtSignature` (parallel calls put
/// it only there); any signature present must be one the fake issued or the documented skip value.
enum ThoughtSignatureRule {
    static func check(_ conversation: Conversation, signatures: ThoughtSignatures) throws(GoogleError) {
        let currentTurnStart = conversation.turns.lastIndex { turn in
            turn.role == .user && turn.functionResponses.isEmpty
        }.map { $0 + 1 } ?? 0
        for turn in conversation.turns[currentTurnStart...] where turn.role == .model {
            for part in turn.parts {
                if let signature = part.thoughtSignature, !signatures.isRecognised(signature) {
                    throw GoogleErrorCatalog.invalidArgument("Corrupted thought signature.")
                }
            }
            guard let firstCall = turn.parts.first(where: { if case .functionCall = $0.kind { true } else { false } }),
                case .functionCall(let name, _) = firstCall.kind
            else { continue }
            if firstCall.thoughtSignature == nil {
                throw missingSignature(function: name, position: turn.position + 1)
            }
        }
    }

    private static func missingSignature(function: String, position: Int) -> GoogleError {
        GoogleErrorCatalog.invalidArgument(
            "Function call is missing a thought_signature in functionCall parts. This is required for tools to work "
                + "correctly, and missing thought_signature may lead to degraded model performance. Additional data, "
                + "function call `default_api:\(function)` , position \(position). Please refer to "
                + "https://ai.google.dev/gemini-api/docs/thought-signatures for more details.")
    }
}
