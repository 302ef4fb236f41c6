import Hummingbird

/// Google's native API, relayed over the key pool: under `/v1beta` and `/gemini/v1beta`, and the
/// method calls also under `/v1` and `/gemini/v1` (the google-genai SDK defaults to API version v1).
enum GeminiRoutes {
    static func register(on router: Router<GatewayRequestContext>, services: GatewayServices) {
        let models = GeminiModelsHandler(services: services)
        let methods = GeminiMethodHandler(services: services)
        for prefix in ["v1beta", "gemini/v1beta"] {
            let group = router.group(RouterPath(prefix)).add(middleware: ClientAuthMiddleware(settings: services.settings))
            group.get("models") { request, context in try await models.list(request, context: context) }
            group.get("models/{model}") { request, context in try await models.get(request, context: context) }
            group.post("models/{model}") { request, context in try await methods.handle(request, context: context) }
        }
        for prefix in ["v1", "gemini/v1"] {
            router.group(RouterPath(prefix)).add(middleware: ClientAuthMiddleware(settings: services.settings))
                .post("models/{model}") { request, context in try await methods.handle(request, context: context) }
        }
    }
}
