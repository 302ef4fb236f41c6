import Wire

/// `countTokens`: `{"contents": […]}` or `{"generateContentRequest": {…}}` (wire reference §2.4),
/// validated like a generate request; the count is the prompt's word count.
enum CountTokensRequests {
    static func count(_ body: JSONValue, model: FakeModel) throws(GoogleError) -> Int {
        let request = try ProtoMessage(body, path: "", known: GeminiRequestFields.countTokensRequest, typeName: "CountTokensRequest")
        if let inner = request["generateContentRequest"] {
            // The wrapped request repeats `model`; the rest is a GenerateContentRequest.
            let conversation = try GenerateContentRequestReader.read(inner, model: model)
            return TokenCounter.prompt(conversation)
        }
        guard let contents = request["contents"] else { return 0 }
        let conversation = try GenerateContentRequestReader.read(.object(["contents": contents]), model: model)
        return TokenCounter.prompt(conversation)
    }
}
