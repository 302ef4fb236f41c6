import HTTPTypes
import Hummingbird

/// Who is asking for `GET /v1/models`: an OpenAI client or Google's SDK.
///
/// The google-genai SDK's default API version is `v1`, so its `models.list()` and `models.get()`
/// arrive at `/v1/models` — the very path OpenAI clients use. The two are told apart by how they
/// authenticate and announce themselves:
///
/// - Google's shape when the request carries `x-goog-api-key`, `?key=`, or the
///   `x-goog-api-client` header every Google SDK sends;
/// - OpenAI's shape otherwise (OpenAI clients send `Authorization: Bearer`).
///
/// Only `/v1` is shared; `/hf/v1`, `/models` and `/openai/v1` are always OpenAI's.
enum ModelListDialect {
    case openAI
    case gemini

    static func of(_ request: Request) -> ModelListDialect {
        if request.headers[HTTPField.Name("x-goog-api-key")!] != nil { return .gemini }
        if request.headers[HTTPField.Name("x-goog-api-client")!] != nil { return .gemini }
        if request.uri.queryParameters["key"] != nil { return .gemini }
        return .openAI
    }
}
