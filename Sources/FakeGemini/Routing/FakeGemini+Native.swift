import Wire

extension FakeGemini {
    /// The native API: authentication, the key's behaviour, the model, the body, then the answer
    /// (the order is explained in `RequestTreatment`).
    func native(_ call: IncomingCall, path: Substring, apiVersion: String, facts: inout CallFacts) async -> Reply {
        guard let endpoint = NativeEndpoint(path: path, method: call.method) else {
            return .whole(FakeResponses.notFoundPage(path: call.rawPath))
        }
        facts.action = endpoint.actionName
        facts.model = endpoint.modelID
        let delivery = endpoint.errorDelivery(query: call.query)

        let key: String
        switch Credentials.native(headers: call.headers, query: call.query) {
        case .bearer(let token):
            facts.apiKey = token
            return .error(GoogleErrorCatalog.bearerTokenRejected(rpcMethod: endpoint.rpcMethod), delivery)
        case .none:
            return .error(GoogleErrorCatalog.unregisteredCaller, delivery)
        case .apiKey(let value):
            key = value
        }
        facts.apiKey = key
        let treatment = RequestTreatment(
            behaviour: scripts.behaviourForRequest(key: key), key: key,
            modelID: endpoint.modelID.map(ModelCatalog.bareID), scope: endpoint.scope)
        if let rejection = treatment.keyRejection { return .error(rejection, delivery) }

        do throws(GoogleError) {
            switch endpoint {
            case .listModels:
                if let rejection = treatment.serviceRejection { throw rejection }
                return try listModels(call)
            case .getModel(let id):
                if let rejection = treatment.serviceRejection { throw rejection }
                guard let model = ModelCatalog.model(id) else {
                    throw GoogleErrorCatalog.modelNotFound(ModelCatalog.bareID(id), method: "getModel", apiVersion: apiVersion)
                }
                return .whole(FakeResponses.json(ModelCatalog.renderedModels[model.id]!))
            case .modelAction(let id, let action):
                guard let model = ModelCatalog.model(id), model.supports(action.requiredMethod) else {
                    throw GoogleErrorCatalog.modelNotFound(ModelCatalog.bareID(id), method: action.requiredMethod, apiVersion: apiVersion)
                }
                let body = try Self.parseBody(call)
                return try await perform(action, model: model, body: body, call: call, treatment: treatment)
            }
        } catch {
            return .error(error, delivery)
        }
    }

    private func listModels(_ call: IncomingCall) throws(GoogleError) -> Reply {
        guard let page = ModelListing.page(pageSize: call.query["pageSize"].flatMap { Int($0) }, pageToken: call.query["pageToken"]) else {
            throw GoogleErrorCatalog.invalidArgument("Invalid page token.")
        }
        return .json(page)
    }

    private func perform(
        _ action: ModelAction, model: FakeModel, body: JSONValue, call: IncomingCall, treatment: RequestTreatment
    ) async throws(GoogleError) -> Reply {
        switch action {
        case .generateContent, .streamGenerateContent:
            var conversation = try GenerateContentRequestReader.read(body, model: model)
            if model.requiresThoughtSignatures { try ThoughtSignatureRule.check(conversation, signatures: signatures) }
            if let rejection = treatment.serviceRejection { throw rejection }
            if conversation.options.candidateCount > 1, action == .streamGenerateContent {
                conversation.options.candidateCount = 1  // streams carry one candidate here
            }
            let answer = try AnswerPlanner.plan(conversation, model: model, signatures: signatures)
            let builder = GenerateResponseBuilder(answer: answer, model: model, responseID: responseIDs.next())
            if action == .generateContent {
                return Reply.json(builder.wholeResponse()).held(for: treatment.pacing)
            }
            let framing: StreamFraming = call.query["alt"] == "sse" ? .googleSSE : .googleJSONArray
            let frames = builder.streamFrames(count: treatment.pacing.plannedFrameCount)
            let script = framing.script(frames: frames, error: GoogleErrorCatalog.internalError, pacing: treatment.pacing)
            return .stream(script, contentType: framing.contentType)
        case .countTokens:
            let total = try CountTokensRequests.count(body, model: model)
            if let rejection = treatment.serviceRejection { throw rejection }
            return .json(["totalTokens": .int(total), "promptTokensDetails": [["modality": "TEXT", "tokenCount": .int(total)]]])
        case .embedContent:
            let embedding = try EmbeddingRequests.single(body, model: model)
            if let rejection = treatment.serviceRejection { throw rejection }
            return Reply.json(["embedding": embedding]).held(for: treatment.pacing)
        case .batchEmbedContents:
            let embeddings = try EmbeddingRequests.batch(body, model: model)
            if let rejection = treatment.serviceRejection { throw rejection }
            return Reply.json(["embeddings": .array(embeddings)]).held(for: treatment.pacing)
        case .predict:
            let predictions = try ImagePredictions.predict(body)
            if let rejection = treatment.serviceRejection { throw rejection }
            return Reply.json(["predictions": .array(predictions)]).held(for: treatment.pacing)
        }
    }

    /// The JSON body; an empty body reads as `{}` (Google then names the missing fields).
    static func parseBody(_ call: IncomingCall) throws(GoogleError) -> JSONValue {
        if call.bodyTooLarge { throw GoogleErrorCatalog.payloadTooLarge(limit: IncomingCall.maximumBodySize) }
        let isBlank = call.body.readableBytesView.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if isBlank { return .object([:]) }
        do {
            return try JSONValue.parse(call.body.readableBytesView)
        } catch {
            throw GoogleErrorCatalog.malformedJSON(error, body: call.bodyText)
        }
    }
}
