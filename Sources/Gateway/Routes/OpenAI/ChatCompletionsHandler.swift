import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Wire

/// `POST chat/completions`: converts the OpenAI request to Gemini (Wire's `ChatRequestConverter`),
/// sends it over the key pool and converts the answer back, whole or as a stream.
struct ChatCompletionsHandler: Sendable {
    let services: GatewayServices

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let settings = services.settings.current
        let body = try await RequestBodyReader.readJSON(request, limit: settings.maxRequestBodyBytes)
        let signatures = services.thoughtSignatures
        let converter = ChatRequestConverter(
            settings: ChatConversionSettings(settings),
            fetchMedia: services.mediaFetcher.asMediaFetcher,
            signature: { id in signatures.signature(for: id) })
        let plan: ChatRequestPlan
        do {
            plan = try await converter.convert(body.json)
        } catch {
            throw GatewayError.conversion(error)
        }

        // Fake streaming asks Google for the whole answer and streams it out at the end.
        let streamsUpstream = plan.stream && !settings.fakeStreamEnabled
        let call = UpstreamCall(
            request: UpstreamRequest(
                method: .POST,
                path: "models/\(plan.upstreamModel):\(streamsUpstream ? "streamGenerateContent" : "generateContent")",
                query: streamsUpstream ? [("alt", "sse")] : [],
                body: ByteBuffer(bytes: plan.body.serialized())),
            model: plan.upstreamModel, tokenFingerprint: context.client?.tokenFingerprint,
            bodyForErrorLog: settings.recordRequestBody ? String(buffer: body.bytes) : nil)

        guard plan.stream else { return try await answerWhole(call, plan: plan) }
        let producer = ChatStreamProducer(call: call, plan: plan, services: services)
        let headers: HTTPFields = [.contentType: OpenAIStreamFrames.contentType]
        return await StreamRelay.respond(
            family: .openAI, headers: headers, keepAlive: OpenAIStreamFrames.keepAlive(settings: settings),
            connection: context.connection
        ) { sink in
            if streamsUpstream {
                await producer.relay(into: sink)
            } else {
                await producer.fakeStream(into: sink, interval: .seconds(settings.fakeStreamIntervalSeconds))
            }
        }
    }

    private func answerWhole(_ call: UpstreamCall, plan: ChatRequestPlan) async throws(GatewayError) -> Response {
        let response = try await services.dispatcher.send(call)
        let answer = try await UpstreamAnswer.json(response)
        let result = ChatCompletionConverter(options: plan.response).convert(answer)
        services.thoughtSignatures.store(result.thoughtSignatures)
        return .json(result.body)
    }
}
