import NIOCore

/// How a relayed stream is framed, which decides how a failure is written into it once the
/// answer has begun: in the framing the client is parsing, so that its parser reads an error.
public enum StreamFraming: Sendable {
    /// `data: …` events: OpenAI's streams and Google's with `alt=sse`. A failure is one more event.
    case serverSentEvents
    /// Google's native stream without `alt=sse`: one JSON array, `[{…}\n,\r\n{…}\n]`. A failure is
    /// one more element holding Google's error object, then the closing `]`.
    case jsonArray

    /// The bytes that report `error`; `afterData` says whether any of the answer went out before.
    func failure(_ error: GatewayError, family: APIFamily, afterData: Bool) -> ByteBuffer {
        switch self {
        case .serverSentEvents: return ByteBuffer(string: error.streamEvent(for: family))
        case .jsonArray: return ByteBuffer(string: error.jsonArrayEnding(afterElements: afterData))
        }
    }

    /// Nothing may follow a failure: a closed JSON array is the end of the document.
    var failureEndsStream: Bool { self == .jsonArray }
}
