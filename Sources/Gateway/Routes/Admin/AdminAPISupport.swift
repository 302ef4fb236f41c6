import Hummingbird
import Wire

/// Small helpers shared by the admin API handlers.
enum AdminAPI {
    /// The request's JSON body (an object), within `limit` bytes.
    static func body(_ request: Request, _ context: GatewayRequestContext, limit: Int = 16 << 20) async throws -> JSONValue {
        var request = request
        let t = translator(context)
        let buffer = try await PanelBodyReader.collect(&request, upTo: limit, t: t)
        guard let value = JSONValue(parsing: buffer.readableBytesView), value.objectValue != nil else {
            throw error(400, t(.bodyNotJSONObject))
        }
        return value
    }

    /// The translator of the logged-in admin's language.
    static func translator(_ context: GatewayRequestContext) -> Translator {
        Translator(language: context.adminSession?.language ?? .en)
    }

    /// The translator of a panel request that may have no session (yet): `?lang=`, the language
    /// cookie, then the browser's Accept-Language.
    static func translator(for request: Request) -> Translator {
        Translator(language: LanguageChoice.resolve(request).language)
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
