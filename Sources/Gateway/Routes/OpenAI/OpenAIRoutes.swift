import Hummingbird

/// The OpenAI-compatible API (issue 3).
///
/// - `/v1` and `/hf/v1`: Gemgate's own conversion to Gemini (chat, models, embeddings, images,
///   speech). `GET /v1/models[/{model}]` also answers Google's SDK in Google's shape
///   (`ModelListDialect`); its `POST /v1/models/{model}:method` calls are `GeminiRoutes`'.
/// - `/models` and `/chat/completions`: the same, for clients configured without `/v1`.
/// - `/openai/v1`: a relay to Google's own OpenAI-compatible endpoint (`GoogleOpenAIRelay`).
///
/// The model path parameter is `{model}` everywhere: `/v1/models/{model}` is shared with the
/// native routes, and a trie node has one parameter name.
enum OpenAIRoutes {
    static func register(on router: Router<GatewayRequestContext>, services: GatewayServices) {
        let chat = ChatCompletionsHandler(services: services)
        let embeddings = EmbeddingsHandler(services: services)
        let images = ImageGenerationHandler(services: services)
        let speech = SpeechHandler(services: services)
        let auth = ClientAuthMiddleware(settings: services.settings)

        for prefix in ["v1", "hf/v1"] {
            let models = OpenAIModelsHandler(services: services, servesGoogleSDK: prefix == "v1")
            let group = router.group(RouterPath(prefix)).add(middleware: auth)
            group.get("models") { request, context in try await models.list(request, context: context) }
            group.get("models/{model}") { request, context in try await models.get(request, context: context) }
            group.post("chat/completions") { request, context in try await chat.handle(request, context: context) }
            group.post("embeddings") { request, context in try await embeddings.handle(request, context: context) }
            group.post("images/generations") { request, context in try await images.handle(request, context: context) }
            group.post("audio/speech") { request, context in try await speech.handle(request, context: context) }
        }

        // SillyTavern's docs tell users to try the base URL without /v1.
        let bareModels = OpenAIModelsHandler(services: services, servesGoogleSDK: false)
        let bare = router.group().add(middleware: auth)
        bare.get("models") { request, context in try await bareModels.list(request, context: context) }
        bare.post("chat/completions") { request, context in try await chat.handle(request, context: context) }

        let relay = GoogleOpenAIRelay(services: services)
        let google = router.group("openai/v1").add(middleware: auth)
        google.get("models") { request, context in try await relay.listModels(request, context: context) }
        google.get("models/{model}") { request, context in try await relay.getModel(request, context: context) }
        google.post("chat/completions") { request, context in try await relay.post("chat/completions", request, context: context) }
        google.post("embeddings") { request, context in try await relay.post("embeddings", request, context: context) }
    }
}
