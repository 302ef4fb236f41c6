import HTTPTypes
import Hummingbird
import NIOCore
import Wire

/// `POST audio/speech` → the TTS model's `generateContent` (`TTS_MODEL`, OpenAI voices mapped to
/// Gemini voices), answered with the audio bytes: WAV, or raw PCM when asked for `pcm`.
struct SpeechHandler: Sendable {
    let services: GatewayServices

    func handle(_ request: Request, context: GatewayRequestContext) async throws -> Response {
        let settings = services.settings.current
        let body = try await RequestBodyReader.readJSON(request, limit: settings.maxRequestBodyBytes)
        let plan: SpeechPlan
        do {
            plan = try SpeechConversion.plan(
                for: body.json, defaultModel: settings.ttsModel, defaultVoice: settings.ttsVoice,
                defaultSpeed: settings.ttsSpeed)
        } catch {
            throw GatewayError.conversion(error)
        }
        try settings.requireNotFiltered(plan.model)
        let call = UpstreamCall(
            request: UpstreamRequest(
                method: .POST, path: "models/\(plan.model):generateContent", body: ByteBuffer(bytes: plan.body.serialized())),
            model: plan.model, tokenFingerprint: context.client?.tokenFingerprint,
            bodyForErrorLog: settings.recordRequestBody ? String(buffer: body.bytes) : nil)
        let answer = try await UpstreamAnswer.json(try await services.dispatcher.send(call))
        let audio: [UInt8]
        do {
            audio = try SpeechConversion.audio(from: answer, plan: plan)
        } catch {
            throw GatewayError.conversion(error)
        }
        return Response(
            status: .ok, headers: [.contentType: plan.output.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: audio)))
    }
}
