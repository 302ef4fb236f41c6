/// One model the fake serves: its public `Model` fields (wire reference §2.1) and the traits that
/// shape its answers.
struct FakeModel: Sendable {
    /// How the model answers, beyond its listed methods.
    enum Family: Sendable {
        /// 2.0-era: no thinking, no `candidates[].index`, no thought signatures.
        case gemini20
        /// 2.5: thinks by default, signs function calls.
        case gemini25
        /// 3: like 2.5, and requires signatures to come back on function calls.
        case gemini3
        case embedding
        case imagen
        case legacy
    }

    let id: String
    let version: String
    let displayName: String
    let description: String
    let inputTokenLimit: Int
    let outputTokenLimit: Int
    let supportedGenerationMethods: [String]
    var temperature: Double?
    var topP: Double?
    var topK: Int?
    var maxTemperature: Double?
    var thinking: Bool?
    var family: Family
    /// Length of the vectors `embedContent` returns by default.
    var embeddingDimension: Int?
    /// Answers carry an image part (the `-image` models).
    var producesImages = false
    /// Answers are audio only (TTS models).
    var producesAudio = false

    var name: String { "models/\(id)" }
    var thinks: Bool { family == .gemini25 || family == .gemini3 }
    var signsFunctionCalls: Bool { family == .gemini25 || family == .gemini3 }
    var requiresThoughtSignatures: Bool { family == .gemini3 }
    /// 2.0 answers omit `candidates[].index`; 2.5 and 3 send `"index": 0`.
    var sendsCandidateIndex: Bool { family != .gemini20 }

    func supports(_ method: String) -> Bool {
        supportedGenerationMethods.contains(method)
    }

    /// The public `Model` object, pretty-printed by callers.
    var document: OrderedJSON {
        var model: OrderedJSON = [
            "name": .string(name),
            "version": .string(version),
            "displayName": .string(displayName),
            "description": .string(description),
            "inputTokenLimit": .int(inputTokenLimit),
            "outputTokenLimit": .int(outputTokenLimit),
            "supportedGenerationMethods": .array(supportedGenerationMethods.map(OrderedJSON.string)),
        ]
        if let temperature { model.append("temperature", .double(temperature)) }
        if let topP { model.append("topP", .double(topP)) }
        if let topK { model.append("topK", .int(topK)) }
        if let maxTemperature { model.append("maxTemperature", .double(maxTemperature)) }
        if let thinking { model.append("thinking", .bool(thinking)) }
        return model
    }
}
