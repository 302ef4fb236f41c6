/// Field names (lowerCamelCase) of the request messages, from the v1beta discovery document and
/// the SDK types (wire reference §3). Any other name is rejected, as Google rejects it.
enum KnownFields {
    static let generateContentRequest: Set<String> = [
        "model", "contents", "systemInstruction", "tools", "toolConfig", "safetySettings", "generationConfig",
        "cachedContent", "serviceTier",
    ]
    static let content: Set<String> = ["role", "parts"]
    static let part: Set<String> = [
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode", "codeExecutionResult",
        "thought", "thoughtSignature", "videoMetadata", "mediaResolution", "partMetadata",
    ]
    /// The members of Part's `data` oneof: a part must set exactly one.
    static let partData: [String] = [
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode", "codeExecutionResult",
    ]
    static let blob: Set<String> = ["mimeType", "data"]
    static let fileData: Set<String> = ["mimeType", "fileUri"]
    static let functionCall: Set<String> = ["id", "name", "args"]
    static let functionResponse: Set<String> = ["id", "name", "response", "parts", "willContinue", "scheduling"]
    static let tool: Set<String> = [
        "functionDeclarations", "googleSearchRetrieval", "codeExecution", "googleSearch", "urlContext", "computerUse",
        "fileSearch", "googleMaps",
    ]
    static let functionDeclaration: Set<String> = [
        "name", "description", "parameters", "parametersJsonSchema", "response", "responseJsonSchema", "behavior",
    ]
    static let toolConfig: Set<String> = ["functionCallingConfig", "retrievalConfig"]
    static let functionCallingConfig: Set<String> = ["mode", "allowedFunctionNames"]
    static let safetySetting: Set<String> = ["category", "threshold"]
    static let generationConfig: Set<String> = [
        "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities",
        "candidateCount", "maxOutputTokens", "temperature", "topP", "topK", "seed", "presencePenalty",
        "frequencyPenalty", "responseLogprobs", "logprobs", "enableEnhancedCivicAnswers", "speechConfig",
        "thinkingConfig", "imageConfig", "mediaResolution",
    ]
    static let thinkingConfig: Set<String> = ["includeThoughts", "thinkingBudget", "thinkingLevel"]
    /// The OpenAPI subset `Schema` of `parameters` and `responseSchema`; JSON Schema keywords such
    /// as `additionalProperties`, `$schema` or `const` are not in it.
    static let schema: Set<String> = [
        "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties",
        "required", "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf",
        "propertyOrdering", "default", "items", "minimum", "maximum",
    ]
    static let countTokensRequest: Set<String> = ["contents", "generateContentRequest"]
    static let embedContentRequest: Set<String> = ["model", "content", "taskType", "title", "outputDimensionality"]
    static let batchEmbedContentsRequest: Set<String> = ["requests"]
}
