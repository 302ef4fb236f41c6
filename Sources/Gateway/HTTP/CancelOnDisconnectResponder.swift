import Hummingbird

/// Runs each proxy request in a task of its own that is cancelled when the client's connection
/// closes, so that whatever the request is waiting on (the dispatcher's upstream call and its
/// retries on other keys, a stream's wait for its first event) stops when the client gives up.
/// Hummingbird 2 does not do this: a handler runs on after its client has left.
///
/// A responder around the router rather than a middleware, because a middleware's `next` may
/// not be handed to another task. The panel's and the health routes are left alone: they are
/// quick, and some of them change state that is better not cut half way.
public struct CancelOnDisconnectResponder<Inner: HTTPResponder>: HTTPResponder
where Inner.Context == GatewayRequestContext {
    public typealias Context = GatewayRequestContext

    let inner: Inner

    public init(_ inner: Inner) {
        self.inner = inner
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard APIFamily.of(path: request.uri.path) != .gateway else {
            return try await inner.respond(to: request, context: context)
        }
        let inner = self.inner
        let work = Task { try await inner.respond(to: request, context: context) }
        let observation = context.connection.onClose { work.cancel() }
        defer { observation.cancel() }
        return try await withTaskCancellationHandler {
            try await work.value
        } onCancel: {
            work.cancel()
        }
    }
}
