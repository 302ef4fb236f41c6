import Hummingbird

/// A stream ready to be written: its frames already framed as bytes, and how it ends.
struct StreamScript: Sendable {
    /// Payload frames in order, each complete (`data: …\r\n\r\n`, or an array element).
    var frames: [ByteBuffer]
    /// Written after the last frame on a normal ending (the array's `\n]`, OpenAI's `data: [DONE]`).
    var closing: ByteBuffer?
    /// Written instead of the remaining frames when the pacing ends with an error.
    var errorEnding: ByteBuffer
    /// The same when no frame was written yet (an array must still open with `[`).
    var errorEndingAsFirstWrite: ByteBuffer
    var pacing: StreamPacing

    /// Frames to write before a cut or an error: never the last one, which carries finishReason.
    var framesBeforeAbnormalEnd: Int {
        switch pacing.ending {
        case .normal: return frames.count
        case .cut(let after), .error(let after): return min(after, max(frames.count - 1, 0))
        }
    }
}

/// The three framings of a stream.
enum StreamFraming: Sendable {
    /// Native `?alt=sse`: `data: <one-line JSON>\r\n\r\n`, no `[DONE]`.
    case googleSSE
    /// Native without `alt`: one JSON array of pretty objects separated by `\n,\r\n`.
    case googleJSONArray
    /// OpenAI-compatible: `data: <JSON>\n\n`, ending with `data: [DONE]\n\n`.
    case openAISSE

    var contentType: String {
        switch self {
        case .googleSSE, .openAISSE: return FakeResponses.eventStreamContentType
        case .googleJSONArray: return FakeResponses.jsonContentType
        }
    }

    func script(frames documents: [OrderedJSON], error: GoogleError, pacing: StreamPacing) -> StreamScript {
        switch self {
        case .googleSSE:
            return StreamScript(
                frames: documents.map { Self.sse($0.rendered(.googleCompact), terminator: "\r\n\r\n") },
                closing: nil,
                errorEnding: Self.sse(error.document.rendered(.googleCompact), terminator: "\r\n\r\n"),
                errorEndingAsFirstWrite: Self.sse(error.document.rendered(.googleCompact), terminator: "\r\n\r\n"),
                pacing: pacing)
        case .googleJSONArray:
            let frames = documents.enumerated().map { position, document in
                ByteBuffer(bytes: Array((position == 0 ? "[" : "\n,\r\n").utf8) + document.rendered(.pretty))
            }
            let errorElement = error.document.rendered(.pretty) + Array("\n]".utf8)
            return StreamScript(
                frames: frames,
                closing: ByteBuffer(string: "\n]"),
                errorEnding: ByteBuffer(bytes: Array("\n,\r\n".utf8) + errorElement),
                errorEndingAsFirstWrite: ByteBuffer(bytes: Array("[".utf8) + errorElement),
                pacing: pacing)
        case .openAISSE:
            return StreamScript(
                frames: documents.map { Self.sse($0.rendered(.compact), terminator: "\n\n") },
                closing: ByteBuffer(string: "data: [DONE]\n\n"),
                errorEnding: Self.sse(error.document.rendered(.compact), terminator: "\n\n"),
                errorEndingAsFirstWrite: Self.sse(error.document.rendered(.compact), terminator: "\n\n"),
                pacing: pacing)
        }
    }

    private static func sse(_ json: [UInt8], terminator: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(json.count + 10)
        buffer.writeString("data: ")
        buffer.writeBytes(json)
        buffer.writeString(terminator)
        return buffer
    }
}
