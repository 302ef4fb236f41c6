import NIOCore

/// Closes a caller's connection as soon as the caller stops sending.
///
/// Hummingbird accepts half-closed connections, so a caller that closes its socket is first seen
/// only as the end of its input, and the connection's close future would not complete until the
/// fake writes. Closing here lets a slow answer notice the hang-up (`CallerConnection`).
final class HangUpClosingHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        context.fireUserInboundEventTriggered(event)
        if case .inputClosed? = event as? ChannelEvent {
            context.close(promise: nil)
        }
    }
}
