import Hummingbird
import NIOCore
import Wire

/// `POST embeddings` → `models/{model}:batchEmbedContents` (string or list input, `dimensions`,
/// `encoding_format` float or base64). Google takes at most 100 inputs per call, so a longer
/// list goes out in several calls, one after the other (each may retry on another key), and the
/// answers are joined in order.
struct EmbeddingsHandler: Sendable {
    let services: GatewayServices

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let settings = services.settings.current
        let body = try await RequestBodyReader.readJSON(request, limit: settings.maxRequestBodyBytes)
        let plan: EmbeddingPlan
        do {
            plan = try EmbeddingConversion.plan(for: body.json)
        } catch {
            throw GatewayError.conversion(error)
        }
        try settings.requireNotFiltered(plan.model)
        var answers: [JSONValue] = []
        for batch in plan.batches {
            let call = UpstreamCall(
                request: UpstreamRequest(
                    method: .POST, path: "models/\(plan.model):batchEmbedContents", body: ByteBuffer(bytes: batch.serialized())),
                model: plan.model, tokenFingerprint: context.client?.tokenFingerprint,
                bodyForErrorLog: settings.recordRequestBody ? String(buffer: body.bytes) : nil)
            answers.append(try await UpstreamAnswer.json(try await services.dispatcher.send(call)))
        }
        do {
            return .json(try EmbeddingConversion.openAIResponse(from: answers, plan: plan))
        } catch {
            throw GatewayError.conversion(error)
        }
    }
}
