import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Wire

/// `POST models/{model}:{method}`: the body goes upstream exactly as the client sent it (unknown
/// fields and `thoughtSignature`s included); only the client's token is replaced by a pool key.
struct GeminiMethodHandler: Sendable {
    let services: GatewayServices

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let action = try GeminiModelAction(context.parameters.get("model") ?? "")
        let settings = services.settings.current
        try settings.requireNotFiltered(action.model)
        let body = try await RequestBodyReader.readJSON(request, limit: settings.maxRequestBodyBytes)
        // Query parameters other than the client's token travel on (alt=sse, for one).
        let query = request.uri.queryParameters.filter { $0.key != "key" }.map { (name: String($0.key), value: String($0.value)) }
        let call = UpstreamCall(
            request: UpstreamRequest(
                method: .POST, path: "models/\(action.model):\(action.method.rawValue)", query: query, body: body.bytes),
            model: action.model, tokenFingerprint: context.client?.tokenFingerprint,
            bodyForErrorLog: settings.recordRequestBody ? String(buffer: body.bytes) : nil)
        if action.method == .streamGenerateContent {
            return await GeminiStreamHandler(services: services).relay(
                call, sse: request.uri.queryParameters["alt"] == "sse", connection: context.connection)
        }
        let response = try await services.dispatcher.send(call)
        var headers = HTTPFields()
        headers[.contentType] = response.headers.first(name: "content-type") ?? "application/json; charset=UTF-8"
        return Response(status: .init(code: Int(response.status.code)), headers: headers, body: ResponseBody(asyncSequence: response.body))
    }
}
