import Foundation
import Wire

/// Google's OpenAI-compatible surface under `/v1beta/openai/` (wire reference §1.5): Bearer key,
/// `models/`-prefixed model ids, and every error wrapped in an array, `[{"error":{…}}]`.
extension FakeGemini {
    func openAI(_ call: IncomingCall, path: Substring, facts: inout CallFacts) async -> Reply {
        let endpoint: (action: String, scope: RequestTreatment.Scope, modelFromPath: String?)
        switch (call.method, path) {
        case (.get, "models"): endpoint = ("openai.listModels", .listing, nil)
        case (.get, _) where path.hasPrefix("models/"):
            endpoint = ("openai.getModel", .listing, String(path.dropFirst("models/".count)))
        case (.post, "chat/completions"): endpoint = ("chatCompletions", .generation, nil)
        case (.post, "embeddings"): endpoint = ("embeddings", .generation, nil)
        default: return .whole(FakeResponses.notFoundPage(path: call.rawPath))
        }
        facts.action = endpoint.action
        facts.model = endpoint.modelFromPath

        guard let key = Credentials.openAI(headers: call.headers, query: call.query).key else {
            return .error(GoogleErrorCatalog.unregisteredCaller, .arrayWrapped)
        }
        facts.apiKey = key
        // The key is judged before the body is read, as on the native API.
        let behaviour = scripts.behaviourForRequest(key: key)
        if let rejection = RequestTreatment(behaviour: behaviour, key: key, modelID: nil, scope: endpoint.scope).keyRejection {
            return .error(rejection, .arrayWrapped)
        }
        do throws(GoogleError) {
            let body = call.method == .post ? try Self.parseBody(call) : .object([:])
            let modelID = (endpoint.modelFromPath ?? body["model"]?.stringValue).map(ModelCatalog.bareID)
            facts.model = modelID
            let treatment = RequestTreatment(behaviour: behaviour, key: key, modelID: modelID, scope: endpoint.scope)
            switch endpoint.action {
            case "openai.listModels":
                if let rejection = treatment.serviceRejection { throw rejection }
                return .whole(FakeResponses.json(Self.openAIModelList))
            case "openai.getModel":
                if let rejection = treatment.serviceRejection { throw rejection }
                guard let model = modelID.flatMap(ModelCatalog.model) else {
                    throw GoogleErrorCatalog.modelNotFound(modelID ?? "", method: "getModel", apiVersion: "v1beta")
                }
                return .whole(FakeResponses.json(Self.openAIModel(model).rendered(.compact)))
            case "chatCompletions":
                return try await chatCompletion(body, treatment: treatment)
            default:
                return try await openAIEmbeddings(body, treatment: treatment)
            }
        } catch {
            return .error(error, .arrayWrapped)
        }
    }

    private func chatCompletion(_ body: JSONValue, treatment: RequestTreatment) async throws(GoogleError) -> Reply {
        var request = try ChatCompletionReader.read(body)
        guard let model = ModelCatalog.model(request.modelID), model.supports("generateContent") else {
            throw GoogleErrorCatalog.modelNotFound(request.modelID, method: "generateContent", apiVersion: "v1beta")
        }
        if model.requiresThoughtSignatures { try ThoughtSignatureRule.check(request.conversation, signatures: signatures) }
        if let rejection = treatment.serviceRejection { throw rejection }
        if request.stream { request.conversation.options.candidateCount = 1 }
        let answer = try AnswerPlanner.plan(request.conversation, model: model, signatures: signatures)
        let builder = ChatCompletionBuilder(answer: answer, modelID: model.id, responseID: responseIDs.next())
        guard request.stream else {
            return Reply.whole(FakeResponses.json(builder.completion().rendered(.compact))).held(for: treatment.pacing)
        }
        let chunks = builder.chunks(count: treatment.pacing.plannedFrameCount, includeUsage: request.includeUsage)
        let script = StreamFraming.openAISSE.script(frames: chunks, error: GoogleErrorCatalog.internalError, pacing: treatment.pacing)
        return .stream(script, contentType: StreamFraming.openAISSE.contentType)
    }

    /// `{"input": "…" | ["…"], "model": "…", "dimensions"?: n, "encoding_format"?: "float" | "base64"}`.
    private func openAIEmbeddings(_ body: JSONValue, treatment: RequestTreatment) async throws(GoogleError) -> Reply {
        let modelID = ModelCatalog.bareID(body["model"]?.stringValue ?? "")
        guard let model = ModelCatalog.model(modelID), model.supports("embedContent") else {
            throw GoogleErrorCatalog.modelNotFound(modelID, method: "embedContent", apiVersion: "v1beta")
        }
        let inputs: [String]
        switch body["input"] {
        case .string(let text)?: inputs = [text]
        case .array(let items)?: inputs = items.compactMap(\.stringValue)
        default: inputs = []
        }
        guard !inputs.isEmpty else { throw GoogleErrorCatalog.invalidArgument("input must not be empty.") }
        if let rejection = treatment.serviceRejection { throw rejection }
        let asBase64 = body["encoding_format"]?.stringValue == "base64"
        let data: [OrderedJSON] = inputs.enumerated().map { index, text in
            let values = EmbeddingVectors.rounded(EmbeddingVectors.vector(
                for: text, fullDimension: model.embeddingDimension ?? 768, outputDimension: body["dimensions"]?.intValue))
            let embedding: OrderedJSON = asBase64 ? .string(Self.float32Base64(values)) : .array(values.map(OrderedJSON.double))
            return ["object": "embedding", "index": .int(index), "embedding": embedding]
        }
        let document: OrderedJSON = [
            "object": "list", "data": .array(data), "model": .string(model.name),
            "usage": ["prompt_tokens": 0, "total_tokens": 0],
        ]
        return Reply.whole(FakeResponses.json(document.rendered(.compact))).held(for: treatment.pacing)
    }

    /// Little-endian float32, the form the OpenAI SDK decodes for `encoding_format: base64`.
    private static func float32Base64(_ values: [Double]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        for value in values {
            let bits = Float(value).bitPattern
            bytes.append(contentsOf: [UInt8(bits & 0xFF), UInt8((bits >> 8) & 0xFF), UInt8((bits >> 16) & 0xFF), UInt8(bits >> 24)])
        }
        return Data(bytes).base64EncodedString()
    }

    private static func openAIModel(_ model: FakeModel) -> OrderedJSON {
        ["id": .string(model.name), "object": "model", "owned_by": "google"]
    }

    /// `GET /v1beta/openai/models`: every model, ids with the `models/` prefix; rendered once.
    private static let openAIModelList: [UInt8] = {
        let list: OrderedJSON = ["object": "list", "data": .array(ModelCatalog.all.map(openAIModel))]
        return list.rendered(.compact)
    }()
}
