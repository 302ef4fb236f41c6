import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Wire

/// `/openai/v1/…`: relays to Google's own OpenAI-compatible endpoint (`{BASE_URL}/openai/…`,
/// key as Bearer) over the same key pool, for clients that want Google's conversion rather than
/// Gemgate's. The body goes as the client sent it. Three things are fixed on the way back:
/// Google's errors, which come as `[{"error":{…}}]` in Google's shape, become OpenAI error JSON
/// (the dispatcher reads both forms; the error middleware renders OpenAI's); model ids lose
/// their `models/` prefix; and a stream is relayed event by event, ending in `[DONE]` or in an
/// explicit error event.
struct GoogleOpenAIRelay: Sendable {
    let services: GatewayServices

    // MARK: Models

    func listModels(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let call = UpstreamCall(
            request: UpstreamRequest(method: .GET, path: "models", surface: .openAICompatible),
            model: ModelCatalog.listingScope, tokenFingerprint: context.client?.tokenFingerprint)
        let answer = try await UpstreamAnswer.json(try await services.dispatcher.send(call))
        let settings = services.settings.current
        let models = (answer["data"]?.arrayValue ?? []).map(normalized)
            .filter { !settings.isFilteredModel($0["id"]?.stringValue ?? "") }
        var list = answer.objectValue ?? ["object": "list"]
        list["data"] = .array(models)
        return .json(.object(list))
    }

    func getModel(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        // The path parameter arrives percent-encoded; it is checked decoded, as Google reads it.
        let requested = context.parameters.get("model") ?? ""
        let id: String
        do {
            id = try ModelID.validated(requested.removingPercentEncoding ?? requested)
        } catch {
            throw GatewayError.conversion(error)
        }
        try services.settings.current.requireNotFiltered(id)
        let call = UpstreamCall(
            request: UpstreamRequest(method: .GET, path: "models/\(id)", surface: .openAICompatible),
            model: ModelCatalog.listingScope, tokenFingerprint: context.client?.tokenFingerprint)
        let answer = try await UpstreamAnswer.json(try await services.dispatcher.send(call))
        return .json(normalized(answer))
    }

    // MARK: Calls

    /// `POST chat/completions` (streamed when the body says `stream: true`) and `POST embeddings`.
    func post(_ path: String, _ request: Request, context: GatewayRequestContext) async throws -> Response {
        let settings = services.settings.current
        let body = try await RequestBodyReader.readJSON(request, limit: settings.maxRequestBodyBytes)
        let model: String
        do {
            model = try ModelID.validated(body.json["model"]?.stringValue ?? "")
        } catch {
            throw GatewayError.conversion(error)
        }
        try settings.requireNotFiltered(model)
        let call = UpstreamCall(
            request: UpstreamRequest(method: .POST, path: path, body: body.bytes, surface: .openAICompatible),
            model: model, tokenFingerprint: context.client?.tokenFingerprint,
            bodyForErrorLog: settings.recordRequestBody ? String(buffer: body.bytes) : nil)

        if path == "chat/completions", body.json["stream"]?.boolValue == true {
            let dispatcher = services.dispatcher
            return await StreamRelay.respond(
                family: .openAI, headers: [.contentType: OpenAIStreamFrames.contentType],
                keepAlive: OpenAIStreamFrames.keepAlive(settings: settings), connection: context.connection
            ) { sink in
                await Self.relayStream(call, dispatcher: dispatcher, sink: sink)
            }
        }
        let response = try await services.dispatcher.send(call)
        let contentType = response.headers.first(name: "content-type") ?? "application/json; charset=UTF-8"
        return Response(
            status: .init(code: Int(response.status.code)), headers: [.contentType: contentType],
            body: ResponseBody(asyncSequence: response.body))
    }

    /// Relays Google's OpenAI-style events one by one, re-framed, so that each reaches the
    /// client as soon as it arrived whatever the upstream's chunking.
    private static func relayStream(_ call: UpstreamCall, dispatcher: Dispatcher, sink: StreamSink) async {
        let accepted: AcceptedAttempt<UpstreamEventReader>
        do {
            accepted = try await dispatcher.attempt(call) { response in try await UpstreamEventReader.open(response) }
        } catch {
            await sink.fail(error)
            return
        }
        await sink.open()
        var reader = accepted.value
        var monitor = RelayedStreamMonitor()
        var failure: GatewayError?
        do {
            reading: while let payload = try await reader.next() {
                switch monitor.observe(payload) {
                case .forward: await sink.write(OpenAIStreamFrames.data(text: payload))
                case .done: continue
                case .error(let error):
                    failure = ChatStreamProducer.midStreamError(error)
                    break reading
                }
            }
        } catch {
            failure = error
        }
        if Task.isCancelled {
            dispatcher.logStreamFailure(call, accepted: accepted, error: .streamInterrupted("the client closed the connection"))
            return
        }
        if failure == nil, !monitor.isComplete {
            failure = .streamInterrupted("the upstream stream ended without [DONE] or a finish_reason")
        }
        if let failure {
            dispatcher.logStreamFailure(call, accepted: accepted, error: failure)
            await sink.fail(failure)
        } else {
            dispatcher.logSuccess(call, accepted: accepted, status: 200)
        }
        await sink.write(OpenAIStreamFrames.done)
    }

    /// A model object as OpenAI clients expect it: `models/gemini-2.5-flash` → `gemini-2.5-flash`
    /// in `id`, and the fields OpenAI's `Model` requires (`object`, `created`, `owned_by`) filled
    /// in when Google left them out, for clients that validate strictly.
    func normalized(_ model: JSONValue) -> JSONValue {
        guard case .object(var object) = model else { return model }
        if let id = object["id"]?.stringValue, id.hasPrefix("models/") { object["id"] = .string(String(id.dropFirst(7))) }
        if object["object"] == nil { object["object"] = "model" }
        if object["created"]?.intValue == nil { object["created"] = .int(Int64(services.startedAt.timeIntervalSince1970)) }
        if object["owned_by"] == nil { object["owned_by"] = "google" }
        return .object(object)
    }
}

/// Follows a relayed OpenAI-style stream: forwards data events, holds back Google's own
/// `[DONE]` (Gemgate writes its own at the end, after an error event if need be), spots error
/// events, and tells a finished stream from a cut one.
struct RelayedStreamMonitor {
    enum Verdict {
        case forward
        case done
        case error(JSONValue)
    }

    private(set) var sawDone = false
    private(set) var sawFinishReason = false

    var isComplete: Bool { sawDone || sawFinishReason }

    mutating func observe(_ payload: String) -> Verdict {
        if payload.trimmingCharacters(in: .whitespaces) == "[DONE]" {
            sawDone = true
            return .done
        }
        guard payload.contains("\"error\"") || payload.contains("finish_reason"), let event = JSONValue(parsing: payload) else {
            return .forward
        }
        if let error = GeminiErrorFrame.error(in: event) { return .error(error) }
        let finished = (event["choices"]?.arrayValue ?? []).contains { choice in
            if let reason = choice["finish_reason"], !reason.isNull { return true }
            return false
        }
        if finished { sawFinishReason = true }
        return .forward
    }
}
