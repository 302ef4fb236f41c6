import Hummingbird

/// Which API a request speaks, which decides the shape of its error answers.
public enum APIFamily: Sendable {
    /// Google's native API: `{"error":{"code","message","status"}}`.
    case gemini
    /// OpenAI's API: `{"error":{"message","type","param","code"}}`.
    case openAI
    /// Gemgate's own JSON (health, admin API): `{"error":{"message"}}`.
    case gateway

    /// Decides from the path, so errors thrown before any handler runs (authentication, an
    /// unknown route, a body over the limit) still answer in the caller's shape.
    public static func of(path: String) -> APIFamily {
        if path.hasPrefix("/v1beta") || path.hasPrefix("/gemini/") || path.hasPrefix("/upload/") {
            return .gemini
        }
        if path.hasPrefix("/v1/") || path.hasPrefix("/hf/v1/") || path.hasPrefix("/openai/") || path == "/v1"
            || path.hasPrefix("/chat/") || path == "/models"
        {
            // Gemini-native calls under /v1 carry a method suffix: /v1/models/m:generateContent.
            if path.hasPrefix("/v1/models/") && path.contains(":") { return .gemini }
            return .openAI
        }
        return .gateway
    }

    /// Decides from the path and, where one path serves both families (`GET /v1/models`, which
    /// Google's SDK calls with its default API version), from how the caller authenticates.
    public static func of(_ request: Request) -> APIFamily {
        let path = request.uri.path
        let family = of(path: path)
        if family == .openAI, path == "/v1/models" || path.hasPrefix("/v1/models/"),
            ModelListDialect.of(request) == .gemini
        {
            return .gemini
        }
        return family
    }
}
