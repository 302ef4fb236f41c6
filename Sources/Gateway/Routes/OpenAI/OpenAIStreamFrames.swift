import Foundation
import NIOCore
import Wire

/// The bytes of OpenAI's server-sent events, ready for a `StreamSink`.
enum OpenAIStreamFrames {
    static let contentType = "text/event-stream; charset=utf-8"

    static func data(_ payload: JSONValue) -> ByteBuffer {
        ByteBuffer(bytes: SSEFrame.data(payload))
    }

    /// An event whose payload is already JSON text (relayed from Google's OpenAI endpoint).
    /// A payload spread over several lines keeps one `data:` field per line.
    static func data(text payload: String) -> ByteBuffer {
        ByteBuffer(string: "data: " + payload.replacingOccurrences(of: "\n", with: "\ndata: ") + "\n\n")
    }

    static let done = ByteBuffer(bytes: SSEFrame.done)

    /// The relay's keep-alive while the first token is awaited: a comment line, which the OpenAI
    /// SDKs and every SSE parser skip. Committed after STREAM_KEEPALIVE_SECONDS, then every 15 s.
    static func keepAlive(settings: Settings) -> StreamRelay.KeepAlive {
        StreamRelay.KeepAlive(
            after: .seconds(settings.streamKeepAliveSeconds), every: .seconds(15),
            bytes: ByteBuffer(bytes: SSEFrame.comment()))
    }
}
