/// The field names Gemini's `GenerateContentRequest` accepts (wire reference §3.2–§3.4), and a
/// check that a body uses no others.
///
/// Gemini answers an unknown field with 400 `Unknown name "x" … Cannot find field`, so a
/// converter that forwards a stray client field breaks the request. Tests run every converted
/// body through `unknownFields(in:)`; the fake upstream (FakeGemini) validates every request
/// message against these sets to refuse bad bodies the way Google does. Names are lowerCamelCase;
/// both lowerCamelCase and snake_case spellings are accepted, as by Google.
public enum GeminiRequestFields {
    public static let request: Set<String> = [
        "model", "contents", "systemInstruction", "tools", "toolConfig", "safetySettings", "generationConfig",
        "cachedContent", "serviceTier",
    ]
    public static let content: Set<String> = ["role", "parts"]
    public static let part: Set<String> = [
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode",
        "codeExecutionResult", "thought", "thoughtSignature", "videoMetadata", "mediaResolution", "partMetadata",
    ]
    /// The members of Part's `data` oneof, in proto order: a part must set exactly one.
    public static let partData: [String] = [
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode", "codeExecutionResult",
    ]
    public static let blob: Set<String> = ["mimeType", "data", "displayName"]
    public static let fileData: Set<String> = ["mimeType", "fileUri", "displayName"]
    public static let functionCall: Set<String> = ["id", "name", "args"]
    public static let functionResponse: Set<String> = ["id", "name", "response", "parts", "willContinue", "scheduling"]
    public static let generationConfig: Set<String> = [
        "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities",
        "candidateCount", "maxOutputTokens", "temperature", "topP", "topK", "seed", "presencePenalty",
        "frequencyPenalty", "responseLogprobs", "logprobs", "enableEnhancedCivicAnswers", "speechConfig",
        "thinkingConfig", "imageConfig", "mediaResolution",
    ]
    public static let thinkingConfig: Set<String> = ["includeThoughts", "thinkingBudget", "thinkingLevel"]
    public static let tool: Set<String> = [
        "functionDeclarations", "googleSearch", "googleSearchRetrieval", "codeExecution", "urlContext",
        "computerUse", "fileSearch", "googleMaps",
    ]
    public static let functionDeclaration: Set<String> = [
        "name", "description", "parameters", "parametersJsonSchema", "response", "responseJsonSchema", "behavior",
    ]
    public static let toolConfig: Set<String> = ["functionCallingConfig", "retrievalConfig"]
    public static let functionCallingConfig: Set<String> = ["mode", "allowedFunctionNames"]
    public static let safetySetting: Set<String> = ["category", "threshold"]
    public static let speechConfig: Set<String> = ["voiceConfig", "multiSpeakerVoiceConfig", "languageCode"]
    public static let voiceConfig: Set<String> = ["prebuiltVoiceConfig"]
    public static let prebuiltVoiceConfig: Set<String> = ["voiceName"]
    /// The OpenAPI subset `Schema` of `parameters` and `responseSchema`; JSON Schema keywords such
    /// as `additionalProperties`, `$schema` or `const` are not in it (`parametersJsonSchema` and
    /// `responseJsonSchema` take real JSON Schema and are not checked).
    public static let schema: Set<String> = [
        "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties",
        "required", "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf",
        "propertyOrdering", "default", "items", "minimum", "maximum",
    ]
    /// `countTokens`: plain `contents`, or a whole request wrapped in `generateContentRequest`.
    public static let countTokensRequest: Set<String> = ["contents", "generateContentRequest"]
    /// `embedContent`, and each item of `batchEmbedContents`' `requests`.
    public static let embedContentRequest: Set<String> = ["model", "content", "taskType", "title", "outputDimensionality"]
    public static let batchEmbedContentsRequest: Set<String> = ["requests"]

    /// Paths of fields Gemini would refuse, e.g. `generationConfig.top_a`; empty when the body is
    /// clean. Schemas (`parametersJsonSchema`, `responseJsonSchema`, …) and `args`/`response`
    /// payloads are free-form and not checked.
    public static func unknownFields(in body: JSONValue) -> [String] {
        var problems: [String] = []
        check(body, allowed: request, path: "", into: &problems)
        for (index, content) in (field(body, "contents")?.arrayValue ?? []).enumerated() {
            checkContent(content, path: "contents[\(index)]", into: &problems)
        }
        if let system = field(body, "systemInstruction") {
            checkContent(system, path: "systemInstruction", into: &problems)
        }
        if let config = field(body, "generationConfig") {
            check(config, allowed: generationConfig, path: "generationConfig", into: &problems)
            if let thinking = field(config, "thinkingConfig") {
                check(thinking, allowed: thinkingConfig, path: "generationConfig.thinkingConfig", into: &problems)
            }
            if let speech = field(config, "speechConfig") {
                check(speech, allowed: speechConfig, path: "generationConfig.speechConfig", into: &problems)
                if let voice = field(speech, "voiceConfig") {
                    check(voice, allowed: voiceConfig, path: "generationConfig.speechConfig.voiceConfig", into: &problems)
                    if let prebuilt = field(voice, "prebuiltVoiceConfig") {
                        check(prebuilt, allowed: prebuiltVoiceConfig,
                              path: "generationConfig.speechConfig.voiceConfig.prebuiltVoiceConfig", into: &problems)
                    }
                }
            }
        }
        for (index, entry) in (field(body, "tools")?.arrayValue ?? []).enumerated() {
            check(entry, allowed: tool, path: "tools[\(index)]", into: &problems)
            for (position, declaration) in (field(entry, "functionDeclarations")?.arrayValue ?? []).enumerated() {
                check(declaration, allowed: functionDeclaration,
                      path: "tools[\(index)].functionDeclarations[\(position)]", into: &problems)
            }
        }
        if let config = field(body, "toolConfig") {
            check(config, allowed: toolConfig, path: "toolConfig", into: &problems)
            if let calling = field(config, "functionCallingConfig") {
                check(calling, allowed: functionCallingConfig, path: "toolConfig.functionCallingConfig", into: &problems)
            }
        }
        for (index, setting) in (field(body, "safetySettings")?.arrayValue ?? []).enumerated() {
            check(setting, allowed: safetySetting, path: "safetySettings[\(index)]", into: &problems)
        }
        return problems
    }

    private static func checkContent(_ content: JSONValue, path: String, into problems: inout [String]) {
        check(content, allowed: self.content, path: path, into: &problems)
        for (index, part) in (field(content, "parts")?.arrayValue ?? []).enumerated() {
            let partPath = "\(path).parts[\(index)]"
            check(part, allowed: self.part, path: partPath, into: &problems)
            if let blob = field(part, "inlineData") {
                check(blob, allowed: self.blob, path: partPath + ".inlineData", into: &problems)
            }
            if let file = field(part, "fileData") {
                check(file, allowed: fileData, path: partPath + ".fileData", into: &problems)
            }
            if let call = field(part, "functionCall") {
                check(call, allowed: functionCall, path: partPath + ".functionCall", into: &problems)
            }
            if let response = field(part, "functionResponse") {
                check(response, allowed: functionResponse, path: partPath + ".functionResponse", into: &problems)
            }
        }
    }

    /// Reads a field under either spelling.
    private static func field(_ object: JSONValue, _ camelName: String) -> JSONValue? {
        object[camelName] ?? object[snakeCase(camelName)]
    }

    private static func check(_ value: JSONValue, allowed: Set<String>, path: String, into problems: inout [String]) {
        guard let object = value.objectValue else {
            problems.append(path.isEmpty ? "(body is not an object)" : "\(path) (not an object)")
            return
        }
        for key in object.keys.sorted() where !allowed.contains(key) && !allowed.contains(camelCase(key)) {
            problems.append(path.isEmpty ? key : "\(path).\(key)")
        }
    }

    /// `systemInstruction` → `system_instruction`: proto field names, as Google writes them in
    /// error paths.
    public static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result.append("_")
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// `system_instruction` → `systemInstruction`; camelCase names pass through untouched.
    public static func camelCase(_ name: String) -> String {
        // Most names arrive in camelCase already; skip building a copy of them.
        guard name.utf8.contains(UInt8(ascii: "_")) else { return name }
        var result = ""
        var upperNext = false
        for character in name {
            if character == "_" {
                upperNext = !result.isEmpty
            } else if upperNext {
                result.append(contentsOf: character.uppercased())
                upperNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
