import Foundation
import Hummingbird
import NIOCore
import Wire

/// `POST images/generations` → Imagen `models/{CREATE_IMAGE_MODEL}:predict`, answered as
/// `b64_json` (or data URLs for `response_format: "url"`). Imagen is a paid feature, so
/// `PAID_KEY` is used when it is set, as in gemini-balance; otherwise the pool.
struct ImageGenerationHandler: Sendable {
    let services: GatewayServices

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let settings = services.settings.current
        let body = try await RequestBodyReader.readJSON(request, limit: settings.maxRequestBodyBytes)
        let plan: ImageGenerationPlan
        do {
            plan = try ImageGenerationConversion.plan(for: body.json, defaultModel: settings.createImageModel)
        } catch {
            throw GatewayError.conversion(error)
        }
        try settings.requireNotFiltered(plan.model)
        let paidKey = settings.paidKey.trimmingCharacters(in: .whitespaces)
        let call = UpstreamCall(
            request: UpstreamRequest(
                method: .POST, path: "models/\(plan.model):predict", body: ByteBuffer(bytes: plan.body.serialized())),
            model: plan.model, tokenFingerprint: context.client?.tokenFingerprint,
            bodyForErrorLog: settings.recordRequestBody ? String(buffer: body.bytes) : nil,
            fixedKey: paidKey.isEmpty ? nil : paidKey)
        let answer = try await UpstreamAnswer.json(try await services.dispatcher.send(call))
        do {
            return .json(try ImageGenerationConversion.openAIResponse(from: answer, plan: plan))
        } catch {
            throw GatewayError.conversion(error)
        }
    }
}
