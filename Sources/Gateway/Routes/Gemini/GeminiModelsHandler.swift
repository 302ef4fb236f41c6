import Foundation
import Hummingbird
import Wire

/// `GET models` and `GET models/{model}`: Google's list minus `FILTERED_MODELS`, paged here.
struct GeminiModelsHandler: Sendable {
    let services: GatewayServices

    func list(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let all = try await visibleModels(context: context)
        let pageSize = min(max(Int(request.uri.queryParameters["pageSize"] ?? "") ?? 50, 1), 1000)
        let offset = Int(request.uri.queryParameters["pageToken"] ?? "") ?? 0
        guard offset >= 0, offset <= all.count else {
            throw GatewayError.badRequest("The pageToken is not one this server issued.", param: "pageToken")
        }
        let page = Array(all[offset..<min(offset + pageSize, all.count)])
        var body: [String: JSONValue] = ["models": .array(page)]
        if offset + pageSize < all.count { body["nextPageToken"] = .string(String(offset + pageSize)) }
        return .json(.object(body))
    }

    func get(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let requested = context.parameters.get("model") ?? ""
        let id = requested.hasPrefix("models/") ? String(requested.dropFirst(7)) : requested
        guard let model = try await visibleModels(context: context).first(where: { $0.modelID == id }) else {
            throw GatewayError.modelNotFound(id, reason: "is not in the model list. Call GET /v1beta/models to see the available models.")
        }
        return .json(model)
    }

    private func visibleModels(context: GatewayRequestContext) async throws(GatewayError) -> [JSONValue] {
        let settings = services.settings.current
        return try await services.models.models(tokenFingerprint: context.client?.tokenFingerprint)
            .filter { !settings.isFilteredModel($0.modelID ?? "") }
    }
}

extension Response {
    /// A 200 JSON answer.
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=UTF-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.serializedText)))
    }
}
