import Foundation
import HTTPTypes
import Hummingbird

extension FakeGemini {
    /// Adds the fake's routes: the native API under `/v1beta` and `/v1`, the OpenAI-compatible
    /// surface under `/v1beta/openai`, and the control API under `/_fake`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        let apiHandler: @Sendable (Request, Context) async throws -> Response = { request, context in
            let closed = (context as? FakeRequestContext)?.connectionClosed
            return await self.respond(to: await IncomingCall.read(request, connectionClosed: closed))
        }
        for pattern in ["/v1beta/**", "/v1/**"] {
            for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
                router.on(RouterPath(pattern), method: method, use: apiHandler)
            }
        }
        addControlRoutes(to: router)
    }

    /// A router holding only the fake's routes.
    public func makeRouter() -> Router<FakeRequestContext> {
        let router = Router(context: FakeRequestContext.self)
        addRoutes(to: router)
        return router
    }

    /// Routes one call, records it, and turns the handler's decision into a response.
    func respond(to call: IncomingCall) async -> Response {
        let received = Date()
        var facts = CallFacts()
        let reply = await route(call, facts: &facts)
        let recordID = record(call, facts: facts, status: reply.status, at: received)
        switch reply {
        case .whole(let response):
            return response
        case .held(let response, let delayMs):
            await pause(call, for: delayMs, recordID: recordID)
            return response
        case .stream(let script, let contentType):
            // Google sends nothing, not even the head, until the first chunk is ready.
            await pause(call, for: script.pacing.firstEventDelayMs, recordID: recordID)
            var headers = FakeResponses.googleHeaders(contentType: contentType)
            headers[.contentDisposition] = "attachment"
            return Response(status: .ok, headers: headers, body: PacedStreamBody.make(script, recordID: recordID, log: log))
        }
    }

    /// A slow key's wait before its answer starts; a caller that hangs up meanwhile ends it
    /// and is recorded as gone.
    private func pause(_ call: IncomingCall, for delayMs: Int, recordID: Int?) async {
        guard delayMs > 0 else { return }
        if await call.connection.pause(for: .milliseconds(delayMs)), let recordID {
            log.update(recordID) { $0.clientDisconnected = true }
        }
    }

    private func route(_ call: IncomingCall, facts: inout CallFacts) async -> Reply {
        let path = call.path
        if path.hasPrefix("/v1beta/openai/") {
            return await openAI(call, path: path.dropFirst("/v1beta/openai/".count), facts: &facts)
        }
        for (prefix, version) in [("/v1beta/", "v1beta"), ("/v1/", "v1")] where path.hasPrefix(prefix) {
            return await native(call, path: path.dropFirst(prefix.count), apiVersion: version, facts: &facts)
        }
        return .whole(FakeResponses.notFoundPage(path: call.rawPath))
    }

    private func record(_ call: IncomingCall, facts: CallFacts, status: Int, at time: Date) -> Int? {
        guard recording else { return nil }
        let headers = RecordedRequest.Headers(
            authorization: call.headers[.authorization],
            hasGoogAPIKey: call.headers[.googAPIKey] != nil,
            contentType: call.headers[.contentType],
            userAgent: call.headers[.userAgent])
        return log.append(RecordedRequest(
            id: 0, time: time, method: call.method.rawValue, path: call.rawPath, query: call.query, apiKey: facts.apiKey,
            model: facts.model.map(ModelCatalog.bareID), action: facts.action, body: call.bodyText, status: status,
            headers: headers))
    }
}
