/// Builds the OpenAI `/v1/models` answer from Gemini's model list.
public enum OpenAIModelList {
    /// - Parameters:
    ///   - geminiModels: the `models` arrays of every page of `GET /v1beta/models`, concatenated
    ///     (each element a Gemini `Model` object).
    ///   - modelLists: which bases get derived variants, and which models are hidden.
    ///   - created: the `created` timestamp to show (Unix seconds).
    /// - Returns: `{object:"list", data:[{id, object:"model", created, owned_by:"google"}]}`:
    ///   ids without `models/`, only models that can `generateContent` (plus embedding models),
    ///   minus `FILTERED_MODELS`, plus `-search`, `-image` and `-non-thinking` entries for listed
    ///   bases that exist upstream, each right after its base.
    public static func build(fromGemini geminiModels: [JSONValue], modelLists: ModelListSettings, created: Int) -> JSONValue {
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ id: String) {
            if seen.insert(id).inserted { ids.append(id) }
        }
        for model in geminiModels {
            guard let rawName = model["name"]?.stringValue else { continue }
            let id = ModelVariant.strippingPrefix(rawName)
            guard !id.isEmpty, !modelLists.isFiltered(id) else { continue }
            let methods = Set((model["supportedGenerationMethods"]?.arrayValue ?? []).compactMap(\.stringValue))
            let canChat = methods.contains("generateContent")
            let canEmbed = methods.contains("embedContent") || methods.contains("batchEmbedContents")
            guard canChat || canEmbed else { continue }
            add(id)
            guard canChat else { continue }
            if modelLists.searchModels.contains(id) { add(id + ModelVariant.searchSuffix) }
            if modelLists.imageModels.contains(id) { add(id + ModelVariant.imageSuffix) }
            if modelLists.thinkingModels.contains(id) { add(id + ModelVariant.nonThinkingSuffix) }
        }
        return .object([
            "object": "list",
            "data": .array(ids.map { entry(id: $0, created: created) }),
        ])
    }

    /// One OpenAI model object, also the answer of `GET /v1/models/{id}`.
    public static func entry(id: String, created: Int) -> JSONValue {
        ["id": .string(id), "object": "model", "created": .int(Int64(created)), "owned_by": "google"]
    }
}
