import Hummingbird
import NIOCore

/// The fake's request context: Hummingbird's basic context plus the close of the caller's
/// connection, which Hummingbird does not otherwise tell a handler about. With it a slow answer
/// stops waiting when the caller hangs up, and the record says that it did.
public struct FakeRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Completes when the connection the request came on closes.
    let connectionClosed: EventLoopFuture<Void>

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        connectionClosed = source.channel.closeFuture
    }
}
