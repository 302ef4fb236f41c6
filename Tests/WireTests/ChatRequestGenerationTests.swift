import Testing
@testable import Wire

@Suite("Chat request: generation settings")
struct ChatRequestGenerationTests {
    private func plan(
        _ extra: [String: JSONValue], model: String = "gemini-2.5-flash", settings: ChatConversionSettings = ChatConversionSettings(showThinkingProcess: false)
    ) async throws -> ChatRequestPlan {
        try await Support.convert(Support.request([["role": "user", "content": "hi"]], model: model, extra: extra), settings: settings)
    }

    private func generation(
        _ extra: [String: JSONValue], model: String = "gemini-2.5-flash", settings: ChatConversionSettings = ChatConversionSettings(showThinkingProcess: false)
    ) async throws -> JSONValue? {
        try await plan(extra, model: model, settings: settings).body["generationConfig"]
    }

    @Test func samplingParametersMapOneToOne() async throws {
        let config = try await generation([
            "temperature": 0.7, "top_p": 0.9, "top_k": 40, "seed": 42, "n": 2,
            "max_tokens": 100, "max_completion_tokens": 200,
            "presence_penalty": 0.5, "frequency_penalty": 0,
            "stop": ["a", "", "b", "c", "d", "e", "f"],
            "modalities": ["text", "image"],
        ])
        #expect(config == [
            "temperature": 0.7, "topP": 0.9, "topK": 40, "seed": 42, "candidateCount": 2,
            "maxOutputTokens": 200, "presencePenalty": 0.5,
            "stopSequences": ["a", "b", "c", "d", "e"],
            "responseModalities": ["TEXT", "IMAGE"],
        ])
    }

    @Test func nothingIsInventedWhenTheClientSaysNothing() async throws {
        let plan = try await plan([:])
        #expect(plan.body == ["contents": [["role": "user", "parts": [["text": "hi"]]]]])
    }

    @Test func edgeValues() async throws {
        #expect(try await generation(["stop": "END", "max_tokens": 0, "seed": -1]) == ["stopSequences": ["END"]])
        #expect(try await generation(["temperature": 1.0]) == ["temperature": 1])
        // Gemini 3 refuses penalties.
        #expect(try await generation(["presence_penalty": 0.4, "frequency_penalty": 0.3], model: "gemini-3-pro-preview",
                                     settings: ChatConversionSettings(showThinkingProcess: false)) == nil)
    }

    @Test func wrongTypesAreRefused() async {
        let request = Support.request([["role": "user", "content": "x"]], extra: ["temperature": "hot"])
        #expect(await Support.conversionError(request)?.param == "temperature")
        let stop = Support.request([["role": "user", "content": "x"]], extra: ["stop": 5])
        #expect(await Support.conversionError(stop)?.param == "stop")
        let n = Support.request([["role": "user", "content": "x"]], extra: ["n": 0])
        #expect(await Support.conversionError(n)?.param == "n")
    }

    /// Numbers too big for an integer used to trap in `Int64(_:)` and take the process down.
    @Test(arguments: [
        ("seed", 1e20), ("seed", 3_000_000_000), ("max_tokens", 1e19), ("max_completion_tokens", 1e300), ("top_k", 1e30),
        ("n", "1e25"),
    ] as [(String, JSONValue)])
    func integersOutOfRangeAreRefusedNamingTheField(field: String, value: JSONValue) async {
        let request = Support.request([["role": "user", "content": "x"]], extra: [field: value])
        let error = await Support.conversionError(request)
        #expect(error?.param == field)
        #expect(error?.cause == .invalidRequest)
        #expect(error?.message.contains("2147483647") == true, "\(error?.message ?? "")")
    }

    @Test func integersAtTheEdgeOfInt32Pass() async throws {
        let config = try await generation(["seed": 2_147_483_647, "max_tokens": 65_536.4, "top_k": 1e9])
        #expect(config == ["seed": 2_147_483_647, "maxOutputTokens": 65_536, "topK": 1_000_000_000])
    }

    @Test func clientExtrasAreDropped() async throws {
        let plan = try await plan([
            "user": "u", "logit_bias": ["1": 2], "metadata": ["a": "b"], "store": true,
            "stream_options": ["include_usage": true], "parallel_tool_calls": false, "top_a": 0.1, "min_p": 0.05,
            "repetition_penalty": 1.1, "include_reasoning": true, "logprobs": true, "top_logprobs": 2,
            "service_tier": "auto", "prediction": ["type": "content", "content": "x"], "audio": ["voice": "alloy"],
        ])
        #expect(plan.body == ["contents": [["role": "user", "parts": [["text": "hi"]]]]])
        #expect(GeminiRequestFields.unknownFields(in: plan.body).isEmpty)
    }

    @Test func streamFlags() async throws {
        let streaming = try await plan(["stream": true, "stream_options": ["include_usage": true]])
        #expect(streaming.stream && streaming.includeUsage)
        let plain = try await plan(["stream_options": ["include_usage": true]])
        #expect(!plain.stream && !plain.includeUsage)
    }

    /// `"stream": "true"` used to give a whole answer without a word.
    @Test func streamFlagsSpelledAsStrings() async throws {
        let streaming = try await plan(["stream": "true", "stream_options": ["include_usage": "TRUE"]])
        #expect(streaming.stream && streaming.includeUsage)
        let plain = try await plan(["stream": "false", "stream_options": ["include_usage": "true"]])
        #expect(!plain.stream && !plain.includeUsage)
        let null = try await plan(["stream": .null, "stream_options": .null])
        #expect(!null.stream && !null.includeUsage)
    }

    @Test(arguments: [
        ("stream", "yes"), ("stream", 1), ("stream", ["on": true]), ("stream_options.include_usage", "1"),
    ] as [(String, JSONValue)])
    func otherStreamFlagValuesAreRefused(param: String, value: JSONValue) async {
        let extra: [String: JSONValue] = param == "stream" ? ["stream": value] : ["stream": true, "stream_options": ["include_usage": value]]
        let error = await Support.conversionError(Support.request([["role": "user", "content": "x"]], extra: extra))
        #expect(error?.param == param)
        #expect(error?.message == "\(param): \(param) must be true or false.")
    }

    @Test func responseFormats() async throws {
        #expect(try await generation(["response_format": ["type": "text"]]) == ["responseMimeType": "text/plain"])
        #expect(try await generation(["response_format": ["type": "json_object"]]) == ["responseMimeType": "application/json"])
        let schema = try await generation(["response_format": [
            "type": "json_schema",
            "json_schema": ["name": "x", "strict": true, "schema": [
                "$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                "properties": ["a": ["type": "string"]], "required": ["a"], "additionalProperties": false,
            ]],
        ]])
        #expect(schema == [
            "responseMimeType": "application/json",
            "responseJsonSchema": [
                "type": "object", "properties": ["a": ["type": "string"]], "required": ["a"], "additionalProperties": false,
            ],
        ])
        let bad = Support.request([["role": "user", "content": "x"]], extra: ["response_format": ["type": "yaml"]])
        #expect(await Support.conversionError(bad)?.param == "response_format.type")
    }

    // MARK: Thinking

    static let efforts25: [(String, JSONValue)] = [
        ("none", ["thinkingBudget": 0]),
        ("minimal", ["thinkingBudget": 1024, "includeThoughts": true]),
        ("low", ["thinkingBudget": 1024, "includeThoughts": true]),
        ("medium", ["thinkingBudget": 8192, "includeThoughts": true]),
        ("high", ["thinkingBudget": 24576, "includeThoughts": true]),
    ]

    @Test(arguments: efforts25)
    func reasoningEffortOn25(effort: String, expected: JSONValue) async throws {
        let config = try await generation(["reasoning_effort": .string(effort)], settings: ChatConversionSettings(showThinkingProcess: true))
        #expect(config?["thinkingConfig"] == expected)
    }

    @Test func twoPointFiveProCannotTurnThinkingOff() async throws {
        let config = try await generation(["reasoning_effort": "none"], model: "gemini-2.5-pro")
        #expect(config?["thinkingConfig"] == ["thinkingBudget": 128])
        let suffix = try await generation([:], model: "gemini-2.5-pro-non-thinking")
        #expect(suffix?["thinkingConfig"] == ["thinkingBudget": 128])
    }

    @Test(arguments: [("none", "low"), ("minimal", "low"), ("low", "low"), ("medium", "high"), ("high", "high")])
    func reasoningEffortOnGemini3(effort: String, level: String) async throws {
        let config = try await generation(["reasoning_effort": .string(effort)], model: "gemini-3-pro-preview")
        #expect(config?["thinkingConfig"]?["thinkingLevel"] == .string(level))
        #expect(config?["thinkingConfig"]?["thinkingBudget"] == nil)
    }

    @Test func nonThinkingSuffix() async throws {
        let settings = ChatConversionSettings(showThinkingProcess: true)
        #expect(try await generation([:], model: "gemini-2.5-flash-non-thinking", settings: settings)?["thinkingConfig"] == ["thinkingBudget": 0])
        #expect(try await generation([:], model: "gemini-3-pro-preview-non-thinking", settings: settings)?["thinkingConfig"] == ["thinkingLevel": "low"])
        // The suffix wins over a reasoning_effort some clients always send.
        #expect(try await generation(["reasoning_effort": "high"], model: "gemini-2.5-flash-non-thinking", settings: settings)?["thinkingConfig"]
            == ["thinkingBudget": 0])
    }

    @Test func budgetMapIsReadWithTheBaseName() async throws {
        let settings = ChatConversionSettings(
            modelLists: ModelListSettings(searchModels: ["gemini-2.5-flash"]), thinkingBudgetMap: ["gemini-2.5-flash": 2048],
            showThinkingProcess: true)
        let config = try await generation([:], model: "gemini-2.5-flash-search", settings: settings)
        #expect(config?["thinkingConfig"] == ["thinkingBudget": 2048, "includeThoughts": true])
        // reasoning_effort from the client wins over the map.
        let effort = try await generation(["reasoning_effort": "low"], model: "gemini-2.5-flash-search", settings: settings)
        #expect(effort?["thinkingConfig"]?["thinkingBudget"] == 1024)
    }

    @Test func hugeBudgetInTheMapIsKeptWithinInt32() async throws {
        let settings = ChatConversionSettings(thinkingBudgetMap: ["gemini-2.5-flash": 1e30], showThinkingProcess: false)
        let config = try await generation([:], settings: settings)
        #expect(config?["thinkingConfig"] == ["thinkingBudget": .int(Int64(Int32.max))])
    }

    @Test func showThinkingAddsIncludeThoughtsOnlyForThinkingModels() async throws {
        let settings = ChatConversionSettings(showThinkingProcess: true)
        #expect(try await generation([:], settings: settings) == ["thinkingConfig": ["includeThoughts": true]])
        #expect(try await generation([:], model: "gemini-2.0-flash", settings: settings) == nil)
        #expect(try await generation(["reasoning_effort": "high"], model: "gemini-2.0-flash", settings: settings) == nil)
    }

    @Test func reasoningEffortSpellings() async throws {
        #expect(try await generation(["reasoning_effort": "auto"]) == nil)
        #expect(try await generation(["reasoning_effort": "max"])?["thinkingConfig"] == ["thinkingBudget": 24576])
        #expect(try await generation(["reasoning_effort": "min"])?["thinkingConfig"] == ["thinkingBudget": 1024])
        let bad = Support.request([["role": "user", "content": "x"]], extra: ["reasoning_effort": "extreme"])
        #expect(await Support.conversionError(bad)?.param == "reasoning_effort")
    }

    // MARK: extra_body.google

    static let googleExtensionPlaces: [JSONValue] = [
        ["google": ["thinking_config": ["thinking_budget": 500, "include_thoughts": false]]],
        ["extra_body": ["google": ["thinking_config": ["thinking_budget": 500, "include_thoughts": false]]]],
        ["extra_body": ["extra_body": ["google": ["thinking_config": ["thinking_budget": 500, "include_thoughts": false]]]]],
    ]

    @Test(arguments: googleExtensionPlaces)
    func googleExtensionsInEveryPlace(extra: JSONValue) async throws {
        let config = try await generation(extra.objectValue ?? [:], settings: ChatConversionSettings(showThinkingProcess: true))
        #expect(config?["thinkingConfig"] == ["thinkingBudget": 500, "includeThoughts": false])
    }

    @Test func googleSafetyAndCachedContent() async throws {
        let plan = try await plan(
            ["extra_body": ["google": [
                "safety_settings": [["category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_ONLY_HIGH"]],
                "cached_content": "cachedContents/abc",
            ]]],
            settings: ChatConversionSettings(showThinkingProcess: false, safetySettings: [["category": "HARM_CATEGORY_HATE_SPEECH", "threshold": "OFF"]]))
        #expect(plan.body["safetySettings"] == [["category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_ONLY_HIGH"]])
        #expect(plan.body["cachedContent"] == "cachedContents/abc")
    }

    @Test func clientThinkingConfigNeverSendsBudgetAndLevel() async throws {
        let config = try await generation(
            ["google": ["thinking_config": ["thinking_budget": 500, "thinking_level": "high"]]], model: "gemini-3-flash-preview")
        #expect(config?["thinkingConfig"] == ["thinkingLevel": "high"])
    }

    @Test func configuredSafetySettingsApplyWhenTheClientSetsNone() async throws {
        let safety: [JSONValue] = [["category": "HARM_CATEGORY_HARASSMENT", "threshold": "OFF"]]
        let plan = try await plan([:], settings: ChatConversionSettings(showThinkingProcess: false, safetySettings: safety))
        #expect(plan.body["safetySettings"] == .array(safety))
    }

    // MARK: Variants

    @Test func imageVariantAsksForImagesAndDropsTheSystemInstruction() async throws {
        let settings = ChatConversionSettings(modelLists: ModelListSettings(imageModels: ["gemini-2.0-flash-exp"]), codeExecutionEnabled: true)
        let plan = try await Support.convert(
            Support.request(
                [["role": "system", "content": "Be nice"], ["role": "user", "content": "Draw"]], model: "gemini-2.0-flash-exp-image"),
            settings: settings)
        #expect(plan.upstreamModel == "gemini-2.0-flash-exp")
        #expect(plan.body["systemInstruction"] == nil)
        #expect(plan.body["generationConfig"]?["responseModalities"] == ["TEXT", "IMAGE"])
        #expect(plan.body["tools"] == nil)
        #expect(plan.response.requestedModel == "gemini-2.0-flash-exp-image")
    }
}
