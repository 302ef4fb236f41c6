/// Reads `tools` (and the legacy `functions`) into Gemini `functionDeclarations`.
struct FunctionDeclarations {
    /// The declarations, deduplicated by name (the first wins).
    var declarations: [JSONValue] = []
    /// The client asked for Google Search: a function literally named `googleSearch` (Cherry
    /// Studio's convention), or a search tool type.
    var wantsGoogleSearch = false

    var names: [String] { declarations.compactMap { $0["name"]?.stringValue } }

    static let searchToolTypes: Set<String> = ["web_search", "web_search_preview", "google_search", "googleSearch"]

    static func read(tools: JSONValue?, functions: JSONValue?) throws(ConversionError) -> FunctionDeclarations {
        var result = FunctionDeclarations()
        var seen: Set<String> = []
        if let tools {
            guard let list = tools.arrayValue else { throw ConversionError.invalid("tools", "tools must be a list.") }
            for (index, tool) in list.enumerated() {
                let param = "tools[\(index)]"
                let type = tool["type"]?.stringValue ?? (tool["function"] != nil ? "function" : "")
                if searchToolTypes.contains(type) {
                    result.wantsGoogleSearch = true
                    continue
                }
                guard type == "function", let function = tool["function"], function.objectValue != nil else {
                    throw ConversionError(
                        .unsupported, "\(param): tools of type '\(type)' are not supported; use function tools.",
                        param: param + ".type")
                }
                try result.add(function, param: param + ".function", seen: &seen)
            }
        }
        if let functions {
            guard let list = functions.arrayValue else { throw ConversionError.invalid("functions", "functions must be a list.") }
            for (index, function) in list.enumerated() {
                try result.add(function, param: "functions[\(index)]", seen: &seen)
            }
        }
        return result
    }

    private mutating func add(_ function: JSONValue, param: String, seen: inout Set<String>) throws(ConversionError) {
        guard let name = function["name"]?.stringValue?.trimmingSpaces, !name.isEmpty else {
            throw ConversionError.invalid(param + ".name", "the function has no name.")
        }
        if name == "googleSearch" {
            wantsGoogleSearch = true
            return
        }
        guard seen.insert(name).inserted else { return }
        var declaration: [String: JSONValue] = ["name": .string(name)]
        if let description = function["description"]?.stringValue, !description.isEmpty {
            declaration["description"] = .string(description)
        }
        if let parameters = function.present("parameters") {
            guard parameters.objectValue != nil else {
                throw ConversionError.invalid(param + ".parameters", "parameters must be a JSON Schema object.")
            }
            let cleaned = JSONSchemaCleaner.cleaned(parameters)
            if !Self.isEmptyObjectSchema(cleaned) {
                declaration["parametersJsonSchema"] = cleaned
            }
        }
        declarations.append(.object(declaration))
    }

    /// `{"type":"object"}` or `{"type":"object","properties":{}}`: a function without
    /// arguments, which Gemini wants declared without parameters. An object schema that still
    /// says something (`additionalProperties` as a schema, `anyOf`, `$ref`, …) is kept.
    static func isEmptyObjectSchema(_ schema: JSONValue) -> Bool {
        guard let object = schema.objectValue else { return false }
        let type = object["type"]?.stringValue?.lowercased()
        guard type == nil || type == "object" else { return false }
        if let properties = object["properties"]?.objectValue, !properties.isEmpty { return false }
        if object["additionalProperties"]?.objectValue != nil { return false }
        let meaningful: Set<String> = ["anyOf", "oneOf", "allOf", "$ref", "patternProperties", "items", "enum", "const"]
        return meaningful.isDisjoint(with: object.keys)
    }
}
