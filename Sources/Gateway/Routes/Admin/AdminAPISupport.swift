import Hummingbird
import Wire

/// Small helpers shared by the admin API handlers.
enum AdminAPI {
    /// The request's JSON body (an object), within `limit` bytes.
    static func body(_ request: Request, limit: Int = 16 << 20) async throws -> JSONValue {
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        guard let value = JSONValue(parsing: buffer.readableBytesView), value.objectValue != nil else {
            throw GatewayError.badRequest("The request body must be a JSON object.")
        }
        return value
    }

    /// The translator of the logged-in admin's language.
    static func translator(_ context: GatewayRequestContext) -> Translator {
        Translator(language: context.adminSession?.language ?? .en)
    }

    /// An error in the admin's language, in Gemgate's JSON shape.
    static func error(_ status: Int, _ message: String) -> GatewayError {
        GatewayError(status: status, googleStatus: "FAILED_PRECONDITION", openAIType: "invalid_request_error", message: message)
    }

    static func ok(_ fields: [String: JSONValue]) -> Response {
        PanelResponse.json(.object(fields))
    }

    /// Ids from a `"ids": [...]` member (strings), at most `limit`.
    static func strings(_ value: JSONValue?, limit: Int = 100_000) -> [String] {
        (value?.arrayValue ?? []).prefix(limit).compactMap(\.scalarText)
    }
}
