/// `stream` and `stream_options.include_usage`.
///
/// Some clients send these as strings (`"stream": "true"`); reading JSON booleans only turned
/// such a request into a silent non-streamed answer. `"true"` and `"false"` are read as the
/// booleans they spell; any other value is refused, so a mistake is seen rather than guessed at.
struct StreamFlags {
    let stream: Bool
    let includeUsage: Bool

    init(_ request: JSONValue) throws(ConversionError) {
        stream = try Self.flag(request.present("stream"), param: "stream") ?? false
        let includeUsage = try Self.flag(
            request["stream_options"]?.present("include_usage"), param: "stream_options.include_usage") ?? false
        // Usage chunks belong to streams; a whole answer always carries its usage.
        self.includeUsage = stream && includeUsage
    }

    /// nil when absent or null.
    static func flag(_ value: JSONValue?, param: String) throws(ConversionError) -> Bool? {
        switch value {
        case nil: return nil
        case .bool(let flag)?: return flag
        case .string(let text)? where text.trimmingSpaces.lowercased() == "true": return true
        case .string(let text)? where text.trimmingSpaces.lowercased() == "false": return false
        default: throw ConversionError.invalid(param, "\(param) must be true or false.")
        }
    }
}
