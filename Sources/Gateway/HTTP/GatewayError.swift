import Foundation
import Wire

/// An error answered to a client: what went wrong, in words a person can act on, with the HTTP
/// status and the codes each API family expects. Rendered in Google's shape on Gemini routes and
/// in OpenAI's shape on OpenAI routes (`GatewayError+Rendering`).
public struct GatewayError: Error, Sendable {
    public var status: Int
    /// Google's canonical status (`INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED`, …).
    public var googleStatus: String
    /// OpenAI's error `type` (`invalid_request_error`, `rate_limit_error`, …).
    public var openAIType: String
    /// OpenAI's error `code` (`invalid_api_key`, `model_not_found`, …), when one fits.
    public var openAICode: String?
    /// The request field at fault, for OpenAI's `param`.
    public var param: String?
    /// No secrets, no internals: what happened and what to do.
    public var message: String
    /// Seconds until a retry can succeed (`Retry-After`).
    public var retryAfterSeconds: Int?
    /// Gemgate already tried every key it could: tell SDKs not to retry (`x-should-retry: false`).
    public var retriesExhausted: Bool
    /// Google's own error object (sanitised), relayed as is on Gemini routes.
    public var upstreamError: JSONValue?
    /// For logs only (redacted before it is written): the underlying cause.
    public var cause: String?

    public init(
        status: Int, googleStatus: String, openAIType: String, openAICode: String? = nil, param: String? = nil,
        message: String, retryAfterSeconds: Int? = nil, retriesExhausted: Bool = false,
        upstreamError: JSONValue? = nil, cause: String? = nil
    ) {
        self.status = status
        self.googleStatus = googleStatus
        self.openAIType = openAIType
        self.openAICode = openAICode
        self.param = param
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
        self.retriesExhausted = retriesExhausted
        self.upstreamError = upstreamError
        self.cause = cause
    }
}

// The errors Gemgate raises itself.
extension GatewayError {
    public static func badRequest(_ message: String, param: String? = nil) -> GatewayError {
        GatewayError(status: 400, googleStatus: "INVALID_ARGUMENT", openAIType: "invalid_request_error", param: param, message: message)
    }

    public static let unauthorized = GatewayError(
        status: 401, googleStatus: "UNAUTHENTICATED", openAIType: "invalid_request_error", openAICode: "invalid_api_key",
        message: "Missing or wrong access token. Send one of the tokens listed in ALLOWED_TOKENS, as \"Authorization: Bearer <token>\", as the x-goog-api-key header or as ?key=<token>.")

    public static func notFound(_ message: String) -> GatewayError {
        GatewayError(status: 404, googleStatus: "NOT_FOUND", openAIType: "invalid_request_error", openAICode: "not_found", message: message)
    }

    public static func modelNotFound(_ model: String, reason: String) -> GatewayError {
        GatewayError(
            status: 404, googleStatus: "NOT_FOUND", openAIType: "invalid_request_error", openAICode: "model_not_found",
            param: "model", message: "The model `\(model)` \(reason)")
    }

    /// `setting` names the setting that sets the limit, when one does (the panel's limits are fixed).
    public static func payloadTooLarge(limitBytes: Int, setBy setting: String?) -> GatewayError {
        let size = ByteCountText.of(limitBytes)
        let message = if let setting {
            "The request body is larger than \(size), the limit set by \(setting). Send a smaller request (for large files use the Files API) or raise the limit in the panel."
        } else {
            "The request body is larger than \(size), the most this address accepts. Send a smaller request."
        }
        return GatewayError(
            status: 413, googleStatus: "INVALID_ARGUMENT", openAIType: "invalid_request_error", openAICode: "request_too_large",
            message: message)
    }

    public static func unsupportedMediaType(_ contentType: String) -> GatewayError {
        GatewayError(
            status: 415, googleStatus: "INVALID_ARGUMENT", openAIType: "invalid_request_error",
            message: "The request body must be JSON (Content-Type: application/json), not \(contentType).")
    }

    public static func internalError(_ cause: String) -> GatewayError {
        GatewayError(
            status: 500, googleStatus: "INTERNAL", openAIType: "server_error",
            message: "Gemgate hit an internal error. It has been logged; please try again, and report it if it persists.",
            cause: cause)
    }

    /// No key can serve: 429 when all are resting (with when), 503 when none is usable.
    public static func noKey(_ reason: KeyUnavailability, now: Date = Date()) -> GatewayError {
        switch reason {
        case .noKeysConfigured:
            return GatewayError(
                status: 503, googleStatus: "UNAVAILABLE", openAIType: "server_error", openAICode: "no_api_keys",
                message: "Gemgate has no Gemini API keys yet. Open the admin panel, add keys under Settings → Gemini API keys, and press Save.",
                retriesExhausted: true)
        case .noneUsable(let invalid, let disabled):
            var parts: [String] = []
            if invalid > 0 { parts.append("\(invalid) benched as invalid") }
            if disabled > 0 { parts.append("\(disabled) turned off") }
            return GatewayError(
                status: 503, googleStatus: "UNAVAILABLE", openAIType: "server_error", openAICode: "no_valid_api_keys",
                message: "No valid Gemini API key is left (\(parts.joined(separator: ", "))). Check the keys in the admin panel: verify or replace them.",
                retryAfterSeconds: 60, retriesExhausted: true)
        case .allCooling(let model, let until, let why):
            let seconds = max(1, until.wholeSeconds(after: now))
            let when = ISO8601DateFormatter().string(from: until)
            let reasonText: String
            switch why {
            case .perDay: reasonText = "their daily quota is used up (it resets at midnight Pacific time)"
            case .perMinute: reasonText = "they hit the per-minute rate limit"
            case .modelNotOnTier: reasonText = "their tier cannot use this model"
            case .unspecified: reasonText = "Google rate-limited them"
            }
            return GatewayError(
                status: 429, googleStatus: "RESOURCE_EXHAUSTED", openAIType: "rate_limit_error",
                openAICode: why == .perDay ? "insufficient_quota" : "rate_limit_exceeded",
                message: "Every key is resting for \(model) because \(reasonText). The first one is free again at \(when) (in \(seconds) s). Add more keys or wait.",
                retryAfterSeconds: seconds, retriesExhausted: true)
        case .allTried:
            return GatewayError(
                status: 503, googleStatus: "UNAVAILABLE", openAIType: "server_error",
                message: "Every usable key was tried for this request and none succeeded. Try again shortly.",
                retryAfterSeconds: 5, retriesExhausted: true)
        }
    }
}
