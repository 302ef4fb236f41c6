import NIOCore

/// Closes a client connection as soon as the client stops sending.
///
/// Hummingbird accepts half-closed connections, so a client that closes its socket (`curl -m`, a
/// browser tab that goes away, an SDK timeout) is first seen only as the end of its input: the
/// connection stays open until Gemgate writes to it, and a request that is waiting on Google
/// writes nothing for a long time. Closing it here makes `ClientConnection` report the client
/// gone at once. A client that half-closes on purpose and still waits for its answer would lose
/// it; no HTTP/1.1 client Gemgate serves does that (Go's HTTP server treats it the same way).
final class HangUpClosingHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        if case .inputClosed? = event as? ChannelEvent {
            context.close(promise: nil)
        }
    }
}
