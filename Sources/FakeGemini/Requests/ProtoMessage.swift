import Wire

/// One message of a request body, read with Google's proto3 JSON rules: every field may be spelled
/// in lowerCamelCase or snake_case, and a name the message does not have is a 400.
///
/// Only messages are normalised: maps inside them (function `args`, schema `properties`) keep the
/// caller's keys.
struct ProtoMessage {
    /// Where this message sits, in Google's snake_case path notation (`contents[0].parts[1]`);
    /// empty for the request itself.
    let path: String
    private let fields: [String: JSONValue]

    /// - Parameters:
    ///   - known: the message's field names in lowerCamelCase (a `GeminiRequestFields` set).
    ///   - typeName: the proto type, named in "Invalid value" errors.
    init(_ value: JSONValue, path: String, known: Set<String>, typeName: String) throws(GoogleError) {
        guard case .object(let object) = value else {
            throw Self.invalidValue(value, path: path, typeName: typeName)
        }
        self.path = path
        var normalised: [String: JSONValue] = [:]
        normalised.reserveCapacity(object.count)
        var unknown: [String] = []
        for (name, fieldValue) in object {
            let camel = GeminiRequestFields.camelCase(name)
            if known.contains(camel) {
                normalised[camel] = fieldValue
            } else {
                unknown.append(name)
            }
        }
        if !unknown.isEmpty { throw Self.unknownNames(unknown.sorted(), path: path) }
        fields = normalised
    }

    subscript(_ camelName: String) -> JSONValue? {
        if let value = fields[camelName], value != .null { return value }
        return nil
    }

    func has(_ camelName: String) -> Bool {
        self[camelName] != nil
    }

    /// The path of a child field, in snake_case: `generation_config.thinking_config`.
    func childPath(_ camelName: String, index: Int? = nil) -> String {
        let name = GeminiRequestFields.snakeCase(camelName) + (index.map { "[\($0)]" } ?? "")
        return path.isEmpty ? name : "\(path).\(name)"
    }

    // MARK: Errors

    /// `Invalid JSON payload received. Unknown name "x" at 'path': Cannot find field.` (one line per
    /// name), with a BadRequest violation per name.
    static func unknownNames(_ names: [String], path: String) -> GoogleError {
        let location = path.isEmpty ? "" : " at '\(path)'"
        let lines = names.map { "Invalid JSON payload received. Unknown name \"\($0)\"\(location): Cannot find field." }
        return GoogleError(
            code: 400, status: "INVALID_ARGUMENT", message: lines.joined(separator: "\n"),
            details: [
                [
                    "@type": .string(ErrorDetail.typePrefix + "BadRequest"),
                    "fieldViolations": .array(lines.map { line in
                        var violation: OrderedJSON = [:]
                        if !path.isEmpty { violation.append("field", .string(path)) }
                        violation.append("description", .string(line))
                        return violation
                    }),
                ]
            ])
    }

    /// `Invalid value at 'contents' (type.googleapis.com/google.ai.generativelanguage.v1beta.Content), "hi"`.
    static func invalidValue(_ value: JSONValue, path: String, typeName: String) -> GoogleError {
        let shown = OrderedJSON(value).renderedText(.compact)
        let message = "Invalid value at '\(path)' (type.googleapis.com/google.ai.generativelanguage.v1beta.\(typeName)), \(shown)"
        return GoogleErrorCatalog.invalidPayload(message, field: path)
    }
}
