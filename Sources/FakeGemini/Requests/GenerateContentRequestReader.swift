import Wire

/// Reads a native `GenerateContentRequest` body into a `Conversation`, refusing what Google refuses
/// (wire reference §3 and §4.3): unknown field names at any message level, missing or empty
/// `contents`, empty `parts`, parts with no data, invalid roles, and bad thinking settings.
///
/// Field-level problems ("* GenerateContentRequest.contents: …") are collected and reported
/// together, one per line, as Google does; unknown names stop the reading at once.
struct GenerateContentRequestReader {
    private var problems = ValidationProblems(messageName: "GenerateContentRequest")
    private var conversation = Conversation()

    static func read(_ body: JSONValue, model: FakeModel) throws(GoogleError) -> Conversation {
        var reader = GenerateContentRequestReader()
        let request = try ProtoMessage(
            body, path: "", known: GeminiRequestFields.request, typeName: "GenerateContentRequest")
        try reader.readContents(request)
        try reader.readSystemInstruction(request)
        try reader.readTools(request)
        try reader.readToolConfig(request)
        try reader.readSafetySettings(request)
        try reader.readGenerationConfig(request, model: model)
        try reader.problems.throwIfAny()
        return reader.conversation
    }

    // MARK: Contents

    private mutating func readContents(_ request: ProtoMessage) throws(GoogleError) {
        guard let value = request["contents"] else {
            return problems.add(field: "contents", "contents is not specified")
        }
        guard case .array(let contents) = value else {
            throw ProtoMessage.invalidValue(value, path: "contents", typeName: "Content")
        }
        if contents.isEmpty { return problems.add(field: "contents", "contents is not specified") }
        for (position, item) in contents.enumerated() {
            if let turn = try readContent(item, path: "contents[\(position)]", position: position) {
                conversation.turns.append(turn)
            }
        }
    }

    /// One `Content`; nil when it has problems (already recorded).
    private mutating func readContent(_ value: JSONValue, path: String, position: Int) throws(GoogleError) -> Conversation.Turn? {
        let content = try ProtoMessage(value, path: path, known: GeminiRequestFields.content, typeName: "Content")
        var role = Conversation.Turn.Role.user
        if let roleValue = content["role"] {
            guard let name = roleValue.stringValue, let parsed = Conversation.Turn.Role(rawValue: name) else {
                throw GoogleErrorCatalog.invalidArgument("Please use a valid role: user, model.")
            }
            role = parsed
        }
        guard case .array(let partValues)? = content["parts"], !partValues.isEmpty else {
            problems.add(field: "\(path).parts", "contents.parts must not be empty.")
            return nil
        }
        var parts: [Conversation.Part] = []
        for (index, partValue) in partValues.enumerated() {
            if let part = try readPart(partValue, path: "\(path).parts[\(index)]") { parts.append(part) }
        }
        return Conversation.Turn(role: role, parts: parts, position: position)
    }

    private mutating func readPart(_ value: JSONValue, path: String) throws(GoogleError) -> Conversation.Part? {
        let part = try ProtoMessage(value, path: path, known: GeminiRequestFields.part, typeName: "Part")
        let dataFields = GeminiRequestFields.partData.filter { part.has($0) }
        guard let dataField = dataFields.first else {
            problems.add(field: "\(path).data", "required oneof field 'data' must have one initialized field")
            return nil
        }
        if dataFields.count > 1 {
            let second = GeminiRequestFields.snakeCase(dataFields[1])
            throw GoogleErrorCatalog.invalidPayload(
                "Invalid JSON payload received. Oneof field 'data' is already set. Cannot set '\(second)'", field: path)
        }
        let kind: Conversation.Part.Kind
        switch dataField {
        case "text":
            guard case .string(let text)? = part["text"] else {
                throw ProtoMessage.invalidValue(part["text"] ?? .null, path: part.childPath("text"), typeName: "Part")
            }
            kind = .text(text)
        case "inlineData":
            let blob = try ProtoMessage(
                part["inlineData"]!, path: part.childPath("inlineData"), known: GeminiRequestFields.blob, typeName: "Blob")
            kind = .inlineData(mimeType: blob["mimeType"]?.stringValue ?? "application/octet-stream")
        case "fileData":
            let file = try ProtoMessage(
                part["fileData"]!, path: part.childPath("fileData"), known: GeminiRequestFields.fileData, typeName: "FileData")
            kind = .fileData(mimeType: file["mimeType"]?.stringValue)
        case "functionCall":
            let call = try ProtoMessage(
                part["functionCall"]!, path: part.childPath("functionCall"), known: GeminiRequestFields.functionCall,
                typeName: "FunctionCall")
            kind = .functionCall(name: call["name"]?.stringValue ?? "", args: call["args"])
        case "functionResponse":
            let response = try ProtoMessage(
                part["functionResponse"]!, path: part.childPath("functionResponse"), known: GeminiRequestFields.functionResponse,
                typeName: "FunctionResponse")
            kind = .functionResponse(name: response["name"]?.stringValue ?? "", response: response["response"])
        default:
            kind = .code
        }
        return Conversation.Part(
            kind: kind, isThought: part["thought"]?.boolValue ?? false, thoughtSignature: part["thoughtSignature"]?.stringValue)
    }

    private mutating func readSystemInstruction(_ request: ProtoMessage) throws(GoogleError) {
        guard let value = request["systemInstruction"] else { return }
        let instruction = try ProtoMessage(value, path: "system_instruction", known: GeminiRequestFields.content, typeName: "Content")
        guard case .array(let parts)? = instruction["parts"] else { return }
        var texts: [String] = []
        for (index, partValue) in parts.enumerated() {
            if let part = try readPart(partValue, path: "system_instruction.parts[\(index)]"), case .text(let text) = part.kind {
                texts.append(text)
            }
        }
        conversation.systemText = texts.joined(separator: "\n")
    }

    // MARK: Tools

    private mutating func readTools(_ request: ProtoMessage) throws(GoogleError) {
        guard let value = request["tools"] else { return }
        guard case .array(let tools) = value else { throw ProtoMessage.invalidValue(value, path: "tools", typeName: "Tool") }
        for (toolIndex, toolValue) in tools.enumerated() {
            let tool = try ProtoMessage(toolValue, path: "tools[\(toolIndex)]", known: GeminiRequestFields.tool, typeName: "Tool")
            guard case .array(let declarations)? = tool["functionDeclarations"] else { continue }
            for (index, declarationValue) in declarations.enumerated() {
                let declaration = try ProtoMessage(
                    declarationValue, path: tool.childPath("functionDeclarations", index: index),
                    known: GeminiRequestFields.functionDeclaration, typeName: "FunctionDeclaration")
                if let parameters = declaration["parameters"] {
                    try SchemaValidator.validate(parameters, path: declaration.childPath("parameters"), problems: &problems)
                }
                conversation.functions.append(Conversation.FunctionDeclaration(
                    name: declaration["name"]?.stringValue ?? "",
                    parameters: declaration["parameters"] ?? declaration["parametersJsonSchema"]))
            }
        }
    }

    private mutating func readToolConfig(_ request: ProtoMessage) throws(GoogleError) {
        guard let value = request["toolConfig"] else { return }
        let config = try ProtoMessage(value, path: "tool_config", known: GeminiRequestFields.toolConfig, typeName: "ToolConfig")
        guard let callingValue = config["functionCallingConfig"] else { return }
        let calling = try ProtoMessage(
            callingValue, path: config.childPath("functionCallingConfig"), known: GeminiRequestFields.functionCallingConfig,
            typeName: "FunctionCallingConfig")
        conversation.functionCallingMode = calling["mode"]?.stringValue?.uppercased()
        conversation.allowedFunctionNames = calling["allowedFunctionNames"]?.arrayValue?.compactMap(\.stringValue)
    }

    private mutating func readSafetySettings(_ request: ProtoMessage) throws(GoogleError) {
        guard let value = request["safetySettings"] else { return }
        guard case .array(let settings) = value else {
            throw ProtoMessage.invalidValue(value, path: "safety_settings", typeName: "SafetySetting")
        }
        for (index, setting) in settings.enumerated() {
            _ = try ProtoMessage(
                setting, path: "safety_settings[\(index)]", known: GeminiRequestFields.safetySetting, typeName: "SafetySetting")
        }
    }

    // MARK: Generation config

    private mutating func readGenerationConfig(_ request: ProtoMessage, model: FakeModel) throws(GoogleError) {
        guard let value = request["generationConfig"] else { return }
        let config = try ProtoMessage(
            value, path: "generation_config", known: GeminiRequestFields.generationConfig, typeName: "GenerationConfig")
        var options = GenerationOptions()
        options.responseMimeType = config["responseMimeType"]?.stringValue
        options.responseModalities = config["responseModalities"]?.arrayValue?.compactMap { $0.stringValue?.uppercased() } ?? []
        options.maxOutputTokens = config["maxOutputTokens"]?.intValue
        options.candidateCount = max(1, config["candidateCount"]?.intValue ?? 1)
        if let schema = config["responseSchema"] {
            try SchemaValidator.validate(schema, path: config.childPath("responseSchema"), problems: &problems)
        }
        if let thinkingValue = config["thinkingConfig"] {
            let thinking = try ProtoMessage(
                thinkingValue, path: config.childPath("thinkingConfig"), known: GeminiRequestFields.thinkingConfig,
                typeName: "ThinkingConfig")
            options.includeThoughts = thinking["includeThoughts"]?.boolValue ?? false
            options.thinkingBudget = thinking["thinkingBudget"]?.intValue
            options.thinkingLevel = thinking["thinkingLevel"]?.stringValue?.uppercased()
            try ThinkingRules.check(options, model: model)
        }
        conversation.options = options
    }
}
