import AsyncHTTPClient
import Foundation
import Wire

// Errors that come from talking to Google.
extension GatewayError {
    /// The client went away; nothing is answered.
    static let clientGone = GatewayError(
        status: 499, googleStatus: "CANCELLED", openAIType: "server_error", message: "The client closed the request.")

    /// The network failed before Google answered.
    static func unreachable(_ error: any Error) -> GatewayError {
        let timedOut = (error as? HTTPClientError) == .deadlineExceeded || (error as? HTTPClientError) == .readTimeout
            || (error as? HTTPClientError) == .connectTimeout
        return GatewayError(
            status: timedOut ? 504 : 502, googleStatus: timedOut ? "DEADLINE_EXCEEDED" : "UNAVAILABLE",
            openAIType: "server_error",
            message: timedOut
                ? "Google did not answer within TIME_OUT. Try again, or raise TIME_OUT in the panel for long answers."
                : "Gemgate could not reach Google. Check this server's network and the PROXIES setting.",
            cause: KeyRedactor.redact(String(describing: error)))
    }

    /// A stream answered 200 and then failed before sending any data.
    static func streamFailedBeforeData(_ error: any Error) -> GatewayError {
        GatewayError(
            status: 502, googleStatus: "UNAVAILABLE", openAIType: "server_error",
            message: "Google started an answer and broke off before sending anything. Try again.",
            cause: KeyRedactor.redact(String(describing: error)))
    }

    /// A stream broke after data had reached the client.
    public static func streamInterrupted(_ cause: String) -> GatewayError {
        GatewayError(
            status: 502, googleStatus: "UNAVAILABLE", openAIType: "server_error", openAICode: "stream_interrupted",
            message: "The answer from Google broke off before it was complete; what arrived so far is partial. Try again.",
            cause: KeyRedactor.redact(cause))
    }

    /// Google's answer to an attempt, as the client should see it.
    static func upstream(status: Int, body: GoogleErrorBody?, verdict: UpstreamVerdict, model: String) -> GatewayError {
        let upstreamMessage = KeyRedactor.redact(body?.message ?? "")
        let googleStatus = body?.status ?? "UNKNOWN"
        switch verdict {
        case .keyInvalid:
            return GatewayError(
                status: 503, googleStatus: "UNAVAILABLE", openAIType: "server_error", openAICode: "upstream_key_rejected",
                message: "Google rejected the Gemini key Gemgate used (\(upstreamMessage.isEmpty ? "status \(status)" : upstreamMessage)). Check the keys in the admin panel.",
                retryAfterSeconds: 5)
        case .rateLimited(let until, _):
            return GatewayError(
                status: 429, googleStatus: "RESOURCE_EXHAUSTED", openAIType: "rate_limit_error", openAICode: "rate_limit_exceeded",
                message: "Google rate-limited the keys for \(model). \(upstreamMessage)",
                retryAfterSeconds: max(1, until.wholeSeconds()))
        case .requestRejected:
            let modelMissing = status == 404
            return GatewayError(
                status: status, googleStatus: googleStatus, openAIType: "invalid_request_error",
                openAICode: modelMissing ? "model_not_found" : nil, param: modelMissing ? "model" : nil,
                message: upstreamMessage.isEmpty ? "Google refused the request (status \(status))." : upstreamMessage,
                upstreamError: body?.sanitizedErrorObject)
        case .regionBlocked:
            return GatewayError(
                status: 400, googleStatus: "FAILED_PRECONDITION", openAIType: "invalid_request_error", openAICode: "unsupported_country_region_territory",
                message: "Google does not serve the Gemini API to this server's location (\(upstreamMessage)). No key can change that: run Gemgate in a supported region, or send its traffic through PROXIES.",
                retriesExhausted: true)
        case .gatewayFault:
            return GatewayError(
                status: 502, googleStatus: "INTERNAL", openAIType: "server_error",
                message: "Google refused the way Gemgate sent the request (\(upstreamMessage)). This is a Gemgate bug; please report it.",
                retriesExhausted: true)
        case .transient, .success:
            return GatewayError(
                status: status >= 500 ? status : 502, googleStatus: googleStatus, openAIType: "server_error",
                message: upstreamMessage.isEmpty ? "Google failed with status \(status). Try again shortly." : upstreamMessage,
                upstreamError: body?.sanitizedErrorObject)
        }
    }
}
