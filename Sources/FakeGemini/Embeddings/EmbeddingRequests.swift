import Wire

/// `embedContent` and `batchEmbedContents` (wire reference §2.5).
enum EmbeddingRequests {
    /// `{"content":{"parts":[…]},"outputDimensionality"?:n,…}` → `{"values":[…]}`.
    static func single(_ body: JSONValue, model: FakeModel) throws(GoogleError) -> OrderedJSON {
        let request = try ProtoMessage(body, path: "", known: GeminiRequestFields.embedContentRequest, typeName: "EmbedContentRequest")
        return try embedding(request, messageName: "EmbedContentRequest", fieldPrefix: "", model: model)
    }

    /// Google's limit on `requests` in one `batchEmbedContents` call.
    static let maxBatchSize = 100

    /// `{"requests":[{model, content, …}, …]}` → `[{"values":[…]}, …]`; every item must name the
    /// model, and there may be at most 100 items, as Google enforces.
    static func batch(_ body: JSONValue, model: FakeModel) throws(GoogleError) -> [OrderedJSON] {
        let request = try ProtoMessage(
            body, path: "", known: GeminiRequestFields.batchEmbedContentsRequest, typeName: "BatchEmbedContentsRequest")
        guard case .array(let items)? = request["requests"], !items.isEmpty else {
            throw GoogleErrorCatalog.invalidArgument("* BatchEmbedContentsRequest.requests: requests is not specified\n")
        }
        guard items.count <= maxBatchSize else {
            // Google's wording (langchainjs#4491, weaviate#11277).
            throw GoogleErrorCatalog.invalidArgument(
                "* BatchEmbedContentsRequest.requests: at most \(maxBatchSize) requests can be in one batch\n")
        }
        var embeddings: [OrderedJSON] = []
        for (index, item) in items.enumerated() {
            let path = "requests[\(index)]"
            let entry = try ProtoMessage(item, path: path, known: GeminiRequestFields.embedContentRequest, typeName: "EmbedContentRequest")
            guard let itemModel = entry["model"]?.stringValue, itemModel.hasPrefix("models/") else {
                throw GoogleErrorCatalog.invalidArgument("* BatchEmbedContentsRequest.\(path).model: unexpected model name format\n")
            }
            guard ModelCatalog.bareID(itemModel) == model.id else {
                throw GoogleErrorCatalog.invalidArgument(
                    "Model names in the batch request must match the model in the URL: \(itemModel) is not \(model.name).")
            }
            embeddings.append(try embedding(entry, messageName: "BatchEmbedContentsRequest", fieldPrefix: "\(path).", model: model))
        }
        return embeddings
    }

    private static func embedding(_ request: ProtoMessage, messageName: String, fieldPrefix: String, model: FakeModel) throws(GoogleError) -> OrderedJSON {
        guard let contentValue = request["content"] else {
            throw GoogleErrorCatalog.invalidArgument("* \(messageName).\(fieldPrefix)content: content is not specified\n")
        }
        let content = try ProtoMessage(
            contentValue, path: request.childPath("content"), known: GeminiRequestFields.content, typeName: "Content")
        var texts: [String] = []
        if case .array(let parts)? = content["parts"] {
            for (index, partValue) in parts.enumerated() {
                let part = try ProtoMessage(
                    partValue, path: content.childPath("parts", index: index), known: GeminiRequestFields.part, typeName: "Part")
                if let text = part["text"]?.stringValue { texts.append(text) }
            }
        }
        if texts.isEmpty {
            throw GoogleErrorCatalog.invalidArgument("* \(messageName).\(fieldPrefix)content.parts: contents.parts must not be empty.\n")
        }
        let values = EmbeddingVectors.vector(
            for: texts.joined(separator: " "), fullDimension: model.embeddingDimension ?? 768,
            outputDimension: request["outputDimensionality"]?.intValue)
        return ["values": .array(EmbeddingVectors.rounded(values).map(OrderedJSON.double))]
    }
}
