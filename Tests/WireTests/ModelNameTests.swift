import Testing
@testable import Wire

@Suite("Model ids and the model list")
struct ModelNameTests {
    let modelLists = ModelListSettings(
        searchModels: ["gemini-2.5-flash", "gemini-2.5-pro"],
        imageModels: ["gemini-2.0-flash-exp"],
        thinkingModels: ["gemini-2.5-flash", "gemini-2.5-pro"],
        filteredModels: ["gemini-1.0-pro-vision-latest", "embedding-gecko-001"])

    @Test func plainIdAndModelsPrefix() throws {
        let variant = try ModelVariant.parse("models/gemini-2.5-flash", modelLists: modelLists)
        #expect(variant.base == "gemini-2.5-flash")
        #expect(variant.requested == "models/gemini-2.5-flash")
        #expect(!variant.search && !variant.image && !variant.nonThinking)
    }

    @Test func eachSuffix() throws {
        #expect(try ModelVariant.parse("gemini-2.5-pro-search", modelLists: modelLists).search)
        let image = try ModelVariant.parse("gemini-2.0-flash-exp-image", modelLists: modelLists)
        #expect(image.image && image.base == "gemini-2.0-flash-exp")
        let off = try ModelVariant.parse("gemini-2.5-flash-non-thinking", modelLists: modelLists)
        #expect(off.nonThinking && off.base == "gemini-2.5-flash")
    }

    @Test(arguments: ["gemini-2.5-flash-non-thinking-search", "gemini-2.5-flash-search-non-thinking"])
    func combinedSuffixes(id: String) throws {
        let variant = try ModelVariant.parse(id, modelLists: modelLists)
        #expect(variant.base == "gemini-2.5-flash")
        #expect(variant.search && variant.nonThinking && !variant.image)
    }

    @Test func realModelNamesEndingInImageAreKept() throws {
        let variant = try ModelVariant.parse("gemini-2.5-flash-image", modelLists: modelLists)
        #expect(variant.base == "gemini-2.5-flash-image")
        #expect(!variant.image)
    }

    @Test func searchVariantOfUnlistedModelIsRefused() throws {
        do {
            _ = try ModelVariant.parse("gemini-2.0-flash-search", modelLists: modelLists)
            Issue.record("expected an error")
        } catch {
            #expect(error.cause == .modelNotFound)
            #expect(error.param == "model")
            #expect(error.message.contains("SEARCH_MODELS"))
        }
    }

    @Test func nonThinkingIsAcceptedForAnyModel() throws {
        #expect(try ModelVariant.parse("gemini-2.5-flash-lite-non-thinking", modelLists: modelLists).nonThinking)
    }

    @Test func filteredModelsAreRefused() {
        #expect(throws: ConversionError.self) { try ModelVariant.parse("gemini-1.0-pro-vision-latest", modelLists: modelLists) }
        #expect(throws: ConversionError.self) { try ModelVariant.parse("", modelLists: modelLists) }
        #expect(throws: ConversionError.self) { try ModelVariant.parse("-search", modelLists: modelLists) }
    }

    /// The id goes into the upstream URL path; anything but a plain name changes the call.
    @Test(arguments: [
        "gemini-2.5-pro:generateContent?", "gemini-2.5-flash:countTokens?x=", "../gemini-2.5-flash",
        "gemini-2.5-flash/../../files", "gemini 2.5", "gemini-2.5-flash%3F", ".hidden", "gemini-2.5-flash#x",
        String(repeating: "a", count: 200),
    ])
    func idsThatAreNotPlainNamesAreRefused(id: String) {
        do {
            _ = try ModelVariant.parse(id, modelLists: modelLists)
            Issue.record("\(id) was accepted")
        } catch {
            #expect(error.cause == .invalidRequest, "\(id)")
            #expect(error.param == "model")
            #expect(error.message.contains("not a model id"), "\(error.message)")
        }
    }

    @Test(arguments: [
        ("gemini-2.5-flash-preview-05-20", "gemini-2.5-flash-preview-05-20"), ("models/imagen-4.0-generate-001", "imagen-4.0-generate-001"),
        ("gemini-embedding-001", "gemini-embedding-001"), (" gemma-3-27b-it ", "gemma-3-27b-it"), ("learnlm_2.0", "learnlm_2.0"),
    ])
    func realModelIdsPass(id: String, expected: String) throws {
        #expect(try ModelID.validated(id) == expected)
    }

    @Test func tunedModelsAreRefusedWithAReason() {
        #expect(throws: ConversionError(
            .unsupported, "model: tuned models (tunedModels/…) are not relayed by this gateway; use a base model id.",
            param: "model")) { try ModelID.validated("tunedModels/my-model-123") }
    }

    @Test func theFilterIgnoresCaseAndThePrefix() {
        for id in ["Gemini-1.0-Pro-Vision-Latest", "models/gemini-1.0-pro-vision-latest", "GEMINI-1.0-PRO-VISION-LATEST-search"] {
            #expect(throws: ConversionError.self, "\(id)") { try ModelVariant.parse(id, modelLists: modelLists) }
        }
    }

    @Test func embeddingImageAndSpeechModelsAreCheckedToo() {
        #expect(throws: ConversionError.self) {
            try EmbeddingConversion.plan(for: ["model": "gemini-embedding-001:embedContent?", "input": "x"])
        }
        #expect(throws: ConversionError.self) {
            try ImageGenerationConversion.plan(for: ["model": "imagen-4.0:predict?x=", "prompt": "x"], defaultModel: "imagen-3.0-generate-002")
        }
        #expect(throws: ConversionError.self) {
            try SpeechConversion.plan(
                for: ["model": "gemini-2.5-flash-preview-tts/../x", "input": "x"], defaultModel: "gemini-2.5-flash-preview-tts",
                defaultVoice: "Kore")
        }
    }

    @Test func modelFamilies() {
        #expect(GeminiModelFamily(model: "gemini-2.5-flash").thinking == .budget)
        #expect(GeminiModelFamily(model: "models/gemini-2.5-pro").cannotDisableThinking)
        #expect(GeminiModelFamily(model: "gemini-3-pro-preview").thinking == .level)
        #expect(GeminiModelFamily(model: "gemini-3.1-flash").requiresThoughtSignatures)
        #expect(!GeminiModelFamily(model: "gemini-3-pro-preview").acceptsPenalties)
        #expect(GeminiModelFamily(model: "gemini-2.0-flash").thinking == .none)
        #expect(GeminiModelFamily(model: "gemini-2.5-flash-preview-tts").thinking == .none)
        #expect(GeminiModelFamily(model: "gemini-2.5-flash-image").thinking == .none)
        #expect(GeminiModelFamily(model: "gemini-flash-latest").thinking == .budget)
        #expect(GeminiModelFamily(model: "gemma-3-27b-it").thinking == .none)
        #expect(!GeminiModelFamily(model: "gemini-2.5-flash").requiresThoughtSignatures)
    }

    @Test func modelListFromGemini() {
        let models: [JSONValue] = [
            ["name": "models/gemini-2.5-flash", "supportedGenerationMethods": ["generateContent", "countTokens"]],
            ["name": "models/gemini-2.5-pro", "supportedGenerationMethods": ["generateContent"]],
            ["name": "models/gemini-2.0-flash-exp", "supportedGenerationMethods": ["generateContent"]],
            ["name": "models/embedding-gecko-001", "supportedGenerationMethods": ["embedText"]],
            ["name": "models/text-embedding-004", "supportedGenerationMethods": ["embedContent"]],
            ["name": "models/imagen-4.0-generate-001", "supportedGenerationMethods": ["predict"]],
            ["name": "models/gemini-1.0-pro-vision-latest", "supportedGenerationMethods": ["generateContent"]],
            ["name": "models/aqa", "supportedGenerationMethods": ["generateAnswer"]],
        ]
        let list = OpenAIModelList.build(fromGemini: models, modelLists: modelLists, created: 1_700_000_000)
        #expect(list["object"] == "list")
        let ids = (list["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
        #expect(ids == [
            "gemini-2.5-flash", "gemini-2.5-flash-search", "gemini-2.5-flash-non-thinking",
            "gemini-2.5-pro", "gemini-2.5-pro-search", "gemini-2.5-pro-non-thinking",
            "gemini-2.0-flash-exp", "gemini-2.0-flash-exp-image",
            "text-embedding-004",
        ])
        #expect(list["data"]?[0] == ["id": "gemini-2.5-flash", "object": "model", "created": 1_700_000_000, "owned_by": "google"])
    }

    @Test func everyListedVariantParsesBack() throws {
        let models: [JSONValue] = [
            ["name": "models/gemini-2.5-flash", "supportedGenerationMethods": ["generateContent"]],
            ["name": "models/gemini-2.0-flash-exp", "supportedGenerationMethods": ["generateContent"]],
        ]
        let list = OpenAIModelList.build(fromGemini: models, modelLists: modelLists, created: 0)
        for entry in list["data"]?.arrayValue ?? [] {
            let id = try #require(entry["id"]?.stringValue)
            let variant = try ModelVariant.parse(id, modelLists: modelLists)
            #expect(["gemini-2.5-flash", "gemini-2.0-flash-exp"].contains(variant.base), "\(id)")
        }
    }
}
