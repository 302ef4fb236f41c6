import Wire

/// Arguments for a fake function call, built from the declared parameter schema: one simple value
/// per property, so a test can predict them (`{"city": "sample", "days": 1}`).
enum FunctionCallArguments {
    static func build(from schema: JSONValue?, depth: Int = 0) -> OrderedJSON {
        guard let properties = schema?["properties"]?.objectValue, !properties.isEmpty else { return .emptyObject }
        return .object(properties.keys.sorted().map { name in
            (key: name, value: sampleValue(for: properties[name]!, depth: depth))
        })
    }

    private static func sampleValue(for schema: JSONValue, depth: Int) -> OrderedJSON {
        if let first = schema["enum"]?.arrayValue?.first { return OrderedJSON(first) }
        switch typeName(of: schema) {
        case "INTEGER": return .int(1)
        case "NUMBER": return .double(1.5)
        case "BOOLEAN": return .bool(true)
        case "ARRAY":
            guard depth < 4, let items = schema["items"] else { return .array([]) }
            return .array([sampleValue(for: items, depth: depth + 1)])
        case "OBJECT": return depth < 4 ? build(from: schema, depth: depth + 1) : .emptyObject
        case "NULL": return .null
        default: return .string("sample")
        }
    }

    /// `"type"` in either spelling (`STRING`, `string`), or the first non-null entry of a JSON
    /// Schema type list (`["string", "null"]`).
    private static func typeName(of schema: JSONValue) -> String {
        switch schema["type"] {
        case .string(let name)?: return name.uppercased()
        case .array(let names)?:
            return names.compactMap(\.stringValue).first { $0.lowercased() != "null" }?.uppercased() ?? "STRING"
        default: return "STRING"
        }
    }
}
