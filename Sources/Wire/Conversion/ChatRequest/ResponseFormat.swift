/// `response_format` → `responseMimeType` and `responseJsonSchema`.
enum ResponseFormat {
    /// The generationConfig fields to add; empty for none.
    static func generationFields(_ format: JSONValue?) throws(ConversionError) -> [String: JSONValue] {
        guard let format, !format.isNull else { return [:] }
        guard let type = format["type"]?.stringValue else {
            throw ConversionError.invalid("response_format", "response_format needs a 'type' (text, json_object or json_schema).")
        }
        switch type {
        case "text":
            return ["responseMimeType": "text/plain"]
        case "json_object":
            return ["responseMimeType": "application/json"]
        case "json_schema":
            guard let schema = format.value(at: "json_schema", "schema") ?? format["schema"], schema.objectValue != nil else {
                throw ConversionError.invalid(
                    "response_format.json_schema.schema", "a json_schema response format needs a schema object.")
            }
            let prepared = JSONSchemaCleaner.inliningReferences(JSONSchemaCleaner.cleaned(schema))
            return ["responseMimeType": "application/json", "responseJsonSchema": prepared]
        default:
            throw ConversionError.invalid(
                "response_format.type", "'\(type)' is not a response format (text, json_object or json_schema).")
        }
    }
}
