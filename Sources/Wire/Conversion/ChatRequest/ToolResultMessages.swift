/// Turns `tool` (and legacy `function`) messages into Gemini `functionResponse` parts.
enum ToolResultMessages {
    /// The `response` object: the content itself when it is a JSON object, else
    /// `{"output": content}` (Gemini's documented convention for plain results).
    static func response(for content: JSONValue?) -> JSONValue {
        let text: String
        switch content {
        case .string(let value)?:
            text = value
        case .array(let items)?:
            text = items.compactMap { $0["text"]?.stringValue ?? $0.stringValue }.joined()
        case .object?:
            return content!
        case nil, .null?:
            text = ""
        case let other?:
            return ["output": other]
        }
        if text.first(where: { !$0.isWhitespace }) == "{", case .object(let object)? = try? JSONValue.parse(text) {
            return .object(object)
        }
        return ["output": .string(text)]
    }

    /// Images returned by a tool (content parts other than text) go under
    /// `functionResponse.parts`, where Gemini expects them; sibling media parts are refused.
    static func mediaParts(of content: JSONValue?, converter: MessageContentParts, param: String) throws(ConversionError) -> [JSONValue] {
        guard case .array(let items)? = content else { return [] }
        var media: [JSONValue] = []
        for (index, item) in items.enumerated() {
            let type = item["type"]?.stringValue ?? ""
            guard !["text", "input_text", "output_text", ""].contains(type) else { continue }
            media.append(contentsOf: try converter.parts(ofItem: item, param: "\(param)[\(index)]"))
        }
        return media
    }

    static func part(name: String, response: JSONValue, media: [JSONValue]) -> JSONValue {
        var functionResponse: [String: JSONValue] = ["name": .string(name), "response": response]
        if !media.isEmpty { functionResponse["parts"] = .array(media) }
        return ["functionResponse": .object(functionResponse)]
    }
}
