/// Writes server-sent events to OpenAI clients: `data: <json>\n\n`, ending with `data: [DONE]`.
public enum SSEFrame {
    public static func data(_ payload: JSONValue) -> [UInt8] {
        var frame = Array("data: ".utf8)
        payload.write(into: &frame)
        frame.append(contentsOf: [0x0A, 0x0A])
        return frame
    }

    /// The terminator OpenAI clients wait for.
    public static let done: [UInt8] = Array("data: [DONE]\n\n".utf8)

    /// A comment line, ignored by SSE parsers: a keep-alive that sends no data.
    public static func comment(_ text: String = "keep-alive") -> [UInt8] {
        Array(": \(text.filter { $0 != "\n" && $0 != "\r" })\n\n".utf8)
    }
}
