/// Converts an OpenAI `chat/completions` request body into a Gemini `GenerateContentRequest`.
///
/// Only fields Gemini knows are produced; everything else a client sends (`user`, `logit_bias`,
/// `metadata`, `store`, `stream_options`, `parallel_tool_calls`, SillyTavern's `top_a`,
/// `min_p`, `repetition_penalty`, `include_reasoning`, `logprobs`, …) is dropped. Nothing is
/// invented except `SAFETY_SETTINGS` when the client set none, and `includeThoughts` when
/// `SHOW_THINKING_PROCESS` is on.
public struct ChatRequestConverter: Sendable {
    public let settings: ChatConversionSettings
    private let fetchMedia: MediaFetcher
    private let signature: ThoughtSignatureLookup

    /// - Parameters:
    ///   - settings: the gateway settings for this request.
    ///   - fetchMedia: fetches `http(s)` image URLs (the gateway applies its limits).
    ///   - signature: the thought signature stored for a tool-call id, if any.
    public init(
        settings: ChatConversionSettings,
        fetchMedia: @escaping MediaFetcher,
        signature: @escaping ThoughtSignatureLookup
    ) {
        self.settings = settings
        self.fetchMedia = fetchMedia
        self.signature = signature
    }

    /// Converts one request body.
    ///
    /// - Throws: `ConversionError`, naming the offending field in `param`.
    public func convert(_ request: JSONValue) async throws(ConversionError) -> ChatRequestPlan {
        guard request.objectValue != nil else {
            throw ConversionError(.invalidRequest, "The request body must be a JSON object.")
        }
        guard let modelID = request["model"]?.stringValue else {
            throw ConversionError.invalid("model", "a model id is required.")
        }
        let variant = try ModelVariant.parse(modelID, modelLists: settings.modelLists)
        guard let messages = request["messages"]?.arrayValue else {
            throw ConversionError.invalid("messages", "messages must be a list.")
        }
        let fetched = try await MediaPrefetch.fetchAll(MessageContentParts.urlsToFetch(in: messages), using: fetchMedia)
        return try plan(request, variant: variant, messages: messages, fetched: fetched)
    }

    private func plan(
        _ request: JSONValue, variant: ModelVariant, messages: [JSONValue], fetched: [String: FetchedMedia]
    ) throws(ConversionError) -> ChatRequestPlan {
        let family = GeminiModelFamily(model: variant.base)
        let google = GoogleExtensions(request: request)

        let converter = MessagesConverter(
            contentParts: MessageContentParts(fetched: fetched, extractMarkdownImages: true),
            signature: signature, family: family)
        let conversation = try converter.convert(messages)

        // generationConfig
        var generation = try SamplingParameters(request: request, family: family).generationFields()
        let format = try ResponseFormat.generationFields(request.present("response_format"))
        generation.merge(format) { _, new in new }
        if variant.image { generation["responseModalities"] = ["TEXT", "IMAGE"] }
        let thinking = ThinkingConfigBuilder(family: family, showThinking: settings.showThinkingProcess).config(
            variant: variant,
            reasoningEffort: try ReasoningEffort.parse(request["reasoning_effort"]),
            clientConfig: google.thinkingConfig,
            budgetMap: settings.thinkingBudgetMap)
        if let thinking { generation["thinkingConfig"] = thinking }
        let wantsJSON = generation["responseMimeType"]?.stringValue == "application/json"

        // tools and toolConfig
        let functions = try FunctionDeclarations.read(tools: request.present("tools"), functions: request.present("functions"))
        var tools: [JSONValue] = []
        var toolConfig: JSONValue?
        if !functions.declarations.isEmpty {
            // Built-in tools are not mixed with function declarations: Gemini has refused the
            // combination ("Tool use with function calling is unsupported").
            let choice = try ToolChoice.decide(
                toolChoice: request.present("tool_choice"), legacyFunctionCall: request.present("function_call"),
                declaredNames: functions.names)
            let declarations = choice.onlyFunctions.map { only in
                functions.declarations.filter { only.contains($0["name"]?.stringValue ?? "") }
            } ?? functions.declarations
            tools.append(["functionDeclarations": .array(declarations)])
            if let calling = choice.config { toolConfig = ["functionCallingConfig": calling] }
        } else {
            let search = variant.search || functions.wantsGoogleSearch || request.present("web_search_options") != nil
            if search { tools.append(["googleSearch": [:]]) }
            if settings.codeExecutionEnabled, !variant.search, !variant.image, !conversation.hasMedia, !wantsJSON {
                tools.append(["codeExecution": [:]])
            }
            if settings.urlContextEnabled, settings.urlContextModels.contains(variant.base), !variant.image, !wantsJSON {
                tools.append(["urlContext": [:]])
            }
        }

        var body: [String: JSONValue] = ["contents": .array(conversation.contents)]
        // Image-output models refuse a system instruction.
        if let system = conversation.systemInstruction, !variant.image { body["systemInstruction"] = system }
        if !tools.isEmpty { body["tools"] = .array(tools) }
        if let toolConfig { body["toolConfig"] = toolConfig }
        if let clientSafety = google.safetySettings {
            guard clientSafety.arrayValue != nil else {
                throw ConversionError.invalid("extra_body.google.safety_settings", "safety_settings must be a list.")
            }
            if clientSafety.arrayValue?.isEmpty == false { body["safetySettings"] = clientSafety }
        } else if !settings.safetySettings.isEmpty {
            body["safetySettings"] = .array(settings.safetySettings)
        }
        if !generation.isEmpty { body["generationConfig"] = .object(generation) }
        if let cached = google.cachedContent { body["cachedContent"] = .string(cached) }

        let flags = try StreamFlags(request)
        return ChatRequestPlan(
            model: variant,
            stream: flags.stream,
            includeUsage: flags.includeUsage,
            body: .object(body),
            // A sources list appended to a JSON answer would make it invalid JSON.
            response: ChatResponseOptions(requestedModel: variant.requested, showSearchLinks: settings.showSearchLink && !wantsJSON))
    }
}
