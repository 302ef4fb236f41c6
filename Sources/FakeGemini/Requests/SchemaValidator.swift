import Wire

/// Checks an OpenAPI-subset `Schema` (function `parameters`, `responseSchema`) the way Google does:
/// JSON Schema keywords it does not have (`additionalProperties`, `$schema`, `const`, …) are unknown
/// names, and an OBJECT must list its properties.
///
/// Map entries are addressed as Google addresses them, `properties[3].value`; the index follows the
/// sorted property names because the parsed object does not keep the caller's order.
enum SchemaValidator {
    static func validate(_ value: JSONValue, path: String, problems: inout ValidationProblems) throws(GoogleError) {
        let schema = try ProtoMessage(value, path: path, known: GeminiRequestFields.schema, typeName: "Schema")
        let properties = schema["properties"]?.objectValue ?? [:]
        if schema["type"]?.stringValue?.uppercased() == "OBJECT", properties.isEmpty, schema["anyOf"] == nil {
            problems.add(field: "\(path).properties", "should be non-empty for OBJECT type")
        }
        for (index, name) in properties.keys.sorted().enumerated() {
            try validate(properties[name]!, path: "\(path).properties[\(index)].value", problems: &problems)
        }
        if let items = schema["items"] {
            try validate(items, path: "\(path).items", problems: &problems)
        }
        if case .array(let alternatives)? = schema["anyOf"] {
            for (index, alternative) in alternatives.enumerated() {
                try validate(alternative, path: "\(path).any_of[\(index)]", problems: &problems)
            }
        }
    }
}
