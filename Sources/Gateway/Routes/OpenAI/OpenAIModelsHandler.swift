import Foundation
import Hummingbird
import Wire

/// `GET models` and `GET models/{model}` in OpenAI's list shape: ids without `models/`, only
/// models that can chat or embed, `FILTERED_MODELS` removed, and the derived `-search`,
/// `-image` and `-non-thinking` entries (Wire's `OpenAIModelList`), from the cached model list.
struct OpenAIModelsHandler: Sendable {
    let services: GatewayServices
    /// Whether Google's SDK may be the caller (`/v1` only; see `ModelListDialect`).
    let servesGoogleSDK: Bool

    func list(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        if servesGoogleSDK, ModelListDialect.of(request) == .gemini {
            return await Self.inGoogleShape { try await GeminiModelsHandler(services: services).list(request, context: context) }
        }
        return .json(try await openAIList(context: context))
    }

    func get(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        if servesGoogleSDK, ModelListDialect.of(request) == .gemini {
            return await Self.inGoogleShape { try await GeminiModelsHandler(services: services).get(request, context: context) }
        }
        let requested = context.parameters.get("model") ?? ""
        let id = requested.hasPrefix("models/") ? String(requested.dropFirst(7)) : requested
        let list = try await openAIList(context: context)
        guard let entry = list["data"]?.arrayValue?.first(where: { $0["id"]?.stringValue == id }) else {
            throw GatewayError.modelNotFound(id, reason: "does not exist on this gateway. Call GET /v1/models for the list.")
        }
        return .json(entry)
    }

    private func openAIList(context: GatewayRequestContext) async throws(GatewayError) -> JSONValue {
        let settings = services.settings.current
        let models = try await services.models.models(tokenFingerprint: context.client?.tokenFingerprint)
        return OpenAIModelList.build(
            fromGemini: models, modelLists: ModelListSettings(settings),
            created: Int(services.startedAt.timeIntervalSince1970))
    }

    /// The path is OpenAI-shaped for the error middleware; a Google SDK gets its own error shape.
    private static func inGoogleShape(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as GatewayError {
            return error.response(for: .gemini)
        } catch {
            return GatewayError.internalError(String(describing: error)).response(for: .gemini)
        }
    }
}
