/// One Google API error: `{"error":{"code","message","status","details"}}` (wire reference §4.1).
struct GoogleError: Error, Sendable {
    let code: Int
    let status: String
    let message: String
    /// `google.rpc.*` detail objects, each starting with its `@type`; omitted from the body when empty.
    let details: [OrderedJSON]

    init(code: Int, status: String, message: String, details: [OrderedJSON] = []) {
        self.code = code
        self.status = status
        self.message = message
        self.details = details
    }

    /// The `{"error":{…}}` document.
    var document: OrderedJSON {
        var error: OrderedJSON = ["code": .int(code), "message": .string(message), "status": .string(status)]
        if !details.isEmpty { error.append("details", .array(details)) }
        return ["error": error]
    }

    /// The plain body: pretty-printed with a trailing newline, exactly as Google sends it.
    var prettyBody: [UInt8] {
        document.rendered(.pretty) + [UInt8(ascii: "\n")]
    }

    /// The body wrapped in a one-element array (`[{…}\n]`): streams without `alt=sse` and the
    /// OpenAI-compatible surface deliver errors this way (wire reference §4.2).
    var arrayWrappedBody: [UInt8] {
        [UInt8(ascii: "[")] + document.rendered(.pretty) + Array("\n]".utf8)
    }
}

/// Builders for the `google.rpc` detail objects Google attaches to errors.
enum ErrorDetail {
    static let typePrefix = "type.googleapis.com/google.rpc."

    static func errorInfo(reason: String, domain: String? = "googleapis.com", metadata: [(String, String)] = []) -> OrderedJSON {
        var info: OrderedJSON = ["@type": .string(typePrefix + "ErrorInfo"), "reason": .string(reason)]
        if let domain { info.append("domain", .string(domain)) }
        if !metadata.isEmpty {
            info.append("metadata", .object(metadata.map { (key: $0.0, value: .string($0.1)) }))
        }
        return info
    }

    static func localizedMessage(_ message: String) -> OrderedJSON {
        ["@type": .string(typePrefix + "LocalizedMessage"), "locale": "en-US", "message": .string(message)]
    }

    static func debugInfo(_ detail: String) -> OrderedJSON {
        ["@type": .string(typePrefix + "DebugInfo"), "detail": .string(detail)]
    }

    static func help(description: String, url: String) -> OrderedJSON {
        ["@type": .string(typePrefix + "Help"), "links": [["description": .string(description), "url": .string(url)]]]
    }

    static func retryInfo(seconds: Int) -> OrderedJSON {
        ["@type": .string(typePrefix + "RetryInfo"), "retryDelay": .string("\(seconds)s")]
    }

    static func quotaFailure(_ violations: [OrderedJSON]) -> OrderedJSON {
        ["@type": .string(typePrefix + "QuotaFailure"), "violations": .array(violations)]
    }

    /// `field` is omitted for violations of the top-level message, as Google does.
    static func badRequest(field: String?, description: String) -> OrderedJSON {
        var violation: OrderedJSON = [:]
        if let field, !field.isEmpty { violation.append("field", .string(field)) }
        violation.append("description", .string(description))
        return ["@type": .string(typePrefix + "BadRequest"), "fieldViolations": [violation]]
    }
}
