import Foundation

/// The real error bodies of the wire reference §4.3, one builder each.
///
/// Messages and detail lists are copied from captured server output so the gateway's classifier is
/// exercised against what Google really sends; numbers that vary in reality (project numbers,
/// quota values) are derived from the key so tests can predict them.
enum GoogleErrorCatalog {
    static let service = "generativelanguage.googleapis.com"

    // MARK: Authentication

    /// 400 for a key Google does not know. The DebugInfo names the key, as real servers sometimes
    /// do, so the gateway is tested for never relaying it.
    static func invalidAPIKey(_ key: String) -> GoogleError {
        let message = "API key not valid. Please pass a valid API key."
        return GoogleError(
            code: 400, status: "INVALID_ARGUMENT", message: message,
            details: [
                ErrorDetail.errorInfo(reason: "API_KEY_INVALID", metadata: [("service", service)]),
                ErrorDetail.localizedMessage(message),
                ErrorDetail.debugInfo("Invalid API key: \(key)"),
            ])
    }

    static let unregisteredCaller = GoogleError(
        code: 403, status: "PERMISSION_DENIED",
        message: "Method doesn't allow unregistered callers (callers without established identity). "
            + "Please use API Key or other form of API consumer identity to call this API.")

    /// 401 for `Authorization: Bearer <API key>` on a native path. `rpcMethod` is the RPC the path
    /// maps to (`GenerativeService.GenerateContent`), named in the ErrorInfo metadata.
    static func bearerTokenRejected(rpcMethod: String) -> GoogleError {
        GoogleError(
            code: 401, status: "UNAUTHENTICATED",
            message: "Request had invalid authentication credentials. Expected OAuth 2 access token, "
                + "login cookie or other valid authentication credential. "
                + "See https://developers.google.com/identity/sign-in/web/devconsole-project.",
            details: [ErrorDetail.errorInfo(reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED", domain: nil, metadata: [
                ("method", "google.ai.generativelanguage.v1beta.\(rpcMethod)"), ("service", service),
            ])])
    }

    static let leakedKey = GoogleError(
        code: 403, status: "PERMISSION_DENIED",
        message: "Your API key was reported as leaked. Please use another API key.")

    static func consumerSuspended(_ key: String) -> GoogleError {
        let message = "Permission denied: Consumer 'api_key:\(key)' has been suspended."
        return GoogleError(
            code: 403, status: "PERMISSION_DENIED", message: message,
            details: [
                ErrorDetail.errorInfo(reason: "CONSUMER_SUSPENDED", metadata: [
                    ("consumer", "projects/\(projectNumber(for: key))"), ("service", service),
                ]),
                ErrorDetail.localizedMessage(message),
            ])
    }

    static func serviceDisabled(_ key: String) -> GoogleError {
        let project = projectNumber(for: key)
        let activationURL = "https://console.developers.google.com/apis/api/\(service)/overview?project=\(project)"
        let message = "Generative Language API has not been used in project \(project) before or it is disabled. "
            + "Enable it by visiting \(activationURL) then retry. If you enabled this API recently, wait a few "
            + "minutes for the action to propagate to our systems and retry."
        return GoogleError(
            code: 403, status: "PERMISSION_DENIED", message: message,
            details: [
                ErrorDetail.errorInfo(reason: "SERVICE_DISABLED", metadata: [
                    ("activationUrl", activationURL), ("consumer", "projects/\(project)"),
                    ("containerInfo", project), ("service", service), ("serviceTitle", "Generative Language API"),
                ]),
                ErrorDetail.localizedMessage(message),
                ErrorDetail.help(description: "Google developers console API activation", url: activationURL),
            ])
    }

    // MARK: Service state

    static let locationNotSupported = GoogleError(
        code: 400, status: "FAILED_PRECONDITION", message: "User location is not supported for the API use.")

    static let internalError = GoogleError(
        code: 500, status: "INTERNAL",
        message: "An internal error has occurred. Please retry or report in "
            + "https://developers.generativeai.google/guide/troubleshooting")

    static let overloaded = GoogleError(
        code: 503, status: "UNAVAILABLE", message: "The model is overloaded. Please try again later.")

    // MARK: Request problems

    /// 404 for an unknown model, or one that does not serve this method.
    static func modelNotFound(_ modelID: String, method: String, apiVersion: String) -> GoogleError {
        GoogleError(
            code: 404, status: "NOT_FOUND",
            message: "models/\(modelID) is not found for API version \(apiVersion), or is not supported for "
                + "\(method). Call ListModels to see the list of available models and their supported methods.")
    }

    /// 400 with a BadRequest detail carrying the same text (unknown fields, malformed JSON).
    static func invalidPayload(_ message: String, field: String?) -> GoogleError {
        GoogleError(
            code: 400, status: "INVALID_ARGUMENT", message: message,
            details: [ErrorDetail.badRequest(field: field, description: message)])
    }

    /// 400 without details (validation messages such as "* …contents is not specified").
    static func invalidArgument(_ message: String) -> GoogleError {
        GoogleError(code: 400, status: "INVALID_ARGUMENT", message: message)
    }

    static func payloadTooLarge(limit: Int) -> GoogleError {
        GoogleError(code: 400, status: "INVALID_ARGUMENT", message: "Request payload size exceeds the limit: \(limit) bytes.")
    }

    /// A stable, realistic-looking 12-digit project number for a key.
    static func projectNumber(for key: String) -> String {
        String(100_000_000_000 + StableHash.fnv1a(key) % 900_000_000_000)
    }
}
