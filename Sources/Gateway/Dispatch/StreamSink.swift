import AsyncAlgorithms
import NIOCore

/// What a stream producer hands to the relay, through a channel with back-pressure (a producer
/// waits until the client has taken the previous piece, so a slow client never makes Gemgate
/// buffer a whole answer).
public enum StreamMessage: Sendable {
    /// The stream started successfully: from here on the client sees 200.
    case opened
    /// Bytes for the client, already framed.
    case bytes(ByteBuffer)
    /// The stream failed. Before `opened` this becomes the HTTP error response; after, an error
    /// event written into the stream.
    case failed(GatewayError)
}

/// The producer's side of a relayed stream.
public struct StreamSink: Sendable {
    let channel: AsyncChannel<StreamMessage>

    /// The stream started successfully.
    public func open() async { await channel.send(.opened) }

    public func write(_ bytes: ByteBuffer) async { await channel.send(.bytes(bytes)) }

    public func write(_ text: String) async { await channel.send(.bytes(ByteBuffer(string: text))) }

    public func fail(_ error: GatewayError) async { await channel.send(.failed(error)) }
}
