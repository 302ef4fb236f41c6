/// The fixed list of models the fake knows, in listing order.
///
/// Fields mirror real `GET /v1beta/models` output. Legacy entries (`chat-bison-001`,
/// `embedding-gecko-001`) list methods the gateway must filter out of its model list.
enum ModelCatalog {
    private static let geminiMethods = ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"]

    static let all: [FakeModel] = [
        FakeModel(
            id: "gemini-2.5-flash", version: "001", displayName: "Gemini 2.5 Flash",
            description: "Stable version of Gemini 2.5 Flash, our mid-size multimodal model that supports up to 1 million tokens, released in June of 2025.",
            inputTokenLimit: 1_048_576, outputTokenLimit: 65536, supportedGenerationMethods: geminiMethods,
            temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: true, family: .gemini25),
        FakeModel(
            id: "gemini-2.5-pro", version: "2.5", displayName: "Gemini 2.5 Pro",
            description: "Stable release (June 17th, 2025) of Gemini 2.5 Pro",
            inputTokenLimit: 1_048_576, outputTokenLimit: 65536, supportedGenerationMethods: geminiMethods,
            temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: true, family: .gemini25),
        FakeModel(
            id: "gemini-2.5-flash-lite", version: "001", displayName: "Gemini 2.5 Flash-Lite",
            description: "Stable version of Gemini 2.5 Flash-Lite, released in July of 2025",
            inputTokenLimit: 1_048_576, outputTokenLimit: 65536, supportedGenerationMethods: geminiMethods,
            temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: true, family: .gemini25),
        FakeModel(
            id: "gemini-2.0-flash", version: "2.0", displayName: "Gemini 2.0 Flash", description: "Gemini 2.0 Flash",
            inputTokenLimit: 1_048_576, outputTokenLimit: 8192, supportedGenerationMethods: geminiMethods,
            temperature: 1, topP: 0.95, topK: 40, maxTemperature: 2, family: .gemini20),
        FakeModel(
            id: "gemini-2.0-flash-exp", version: "2.0", displayName: "Gemini 2.0 Flash Experimental",
            description: "Gemini 2.0 Flash Experimental",
            inputTokenLimit: 1_048_576, outputTokenLimit: 8192,
            supportedGenerationMethods: ["generateContent", "countTokens", "bidiGenerateContent"],
            temperature: 1, topP: 0.95, topK: 40, maxTemperature: 2, family: .gemini20),
        FakeModel(
            id: "gemini-3-pro-preview", version: "3-pro-preview-11-2025", displayName: "Gemini 3 Pro Preview",
            description: "Gemini 3 Pro Preview",
            inputTokenLimit: 1_048_576, outputTokenLimit: 65536, supportedGenerationMethods: geminiMethods,
            temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: true, family: .gemini3),
        FakeModel(
            id: "gemini-2.5-flash-image-preview", version: "2.0", displayName: "Nano Banana",
            description: "Gemini 2.5 Flash Preview Image",
            inputTokenLimit: 32768, outputTokenLimit: 32768,
            supportedGenerationMethods: ["generateContent", "countTokens", "batchGenerateContent"],
            temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, family: .gemini20, producesImages: true),
        FakeModel(
            id: "gemini-2.5-flash-preview-tts", version: "gemini-2.5-flash-exp-tts-2025-05-19",
            displayName: "Gemini 2.5 Flash Preview TTS", description: "Gemini 2.5 Flash Preview TTS",
            inputTokenLimit: 8192, outputTokenLimit: 16384, supportedGenerationMethods: ["countTokens", "generateContent"],
            temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, family: .gemini20, producesAudio: true),
        FakeModel(
            id: "text-embedding-004", version: "004", displayName: "Text Embedding 004",
            description: "Obtain a distributed representation of a text.",
            inputTokenLimit: 2048, outputTokenLimit: 1, supportedGenerationMethods: ["embedContent"],
            family: .embedding, embeddingDimension: 768),
        FakeModel(
            id: "gemini-embedding-001", version: "001", displayName: "Gemini Embedding 001",
            description: "Obtain a distributed representation of a text.",
            inputTokenLimit: 2048, outputTokenLimit: 1,
            supportedGenerationMethods: ["embedContent", "countTextTokens", "countTokens", "asyncBatchEmbedContent"],
            family: .embedding, embeddingDimension: 3072),
        FakeModel(
            id: "imagen-3.0-generate-002", version: "002", displayName: "Imagen 3.0",
            description: "Vertex served Imagen 3.0 002 model",
            inputTokenLimit: 480, outputTokenLimit: 8192, supportedGenerationMethods: ["predict"], family: .imagen),
        FakeModel(
            id: "chat-bison-001", version: "001", displayName: "PaLM 2 Chat (Legacy)",
            description: "A legacy text-only model optimized for chat conversations",
            inputTokenLimit: 4096, outputTokenLimit: 1024, supportedGenerationMethods: ["generateMessage", "countMessageTokens"],
            temperature: 0.25, topP: 0.95, topK: 40, family: .legacy),
        FakeModel(
            id: "embedding-gecko-001", version: "001", displayName: "Embedding Gecko",
            description: "Obtain a distributed representation of a text.",
            inputTokenLimit: 1024, outputTokenLimit: 1, supportedGenerationMethods: ["embedText", "countTextTokens"],
            family: .legacy),
    ]

    private static let byID: [String: FakeModel] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// Looks a model up by id, with or without the `models/` prefix.
    static func model(_ idOrName: String) -> FakeModel? {
        byID[bareID(idOrName)]
    }

    /// `models/gemini-2.5-flash` → `gemini-2.5-flash`.
    static func bareID(_ idOrName: String) -> String {
        idOrName.hasPrefix("models/") ? String(idOrName.dropFirst("models/".count)) : idOrName
    }

    /// `GET models/{m}` bodies, rendered once: listing is a common health check.
    static let renderedModels: [String: [UInt8]] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.id, $0.document.rendered(.pretty) + [UInt8(ascii: "\n")]) })
}
