import NIOCore

/// The connection a call came on, as the fake's delays need it: a slow answer stops waiting
/// when the caller hangs up, as Google stops working on an abandoned request.
struct CallerConnection: Sendable {
    /// Nil when the router's context does not carry the connection (then delays run in full).
    let closed: EventLoopFuture<Void>?

    /// Waits `delay`, or less if the caller hangs up first; true when it did.
    func pause(for delay: Duration) async -> Bool {
        guard let closed else {
            try? await Task.sleep(for: delay)
            return false
        }
        // A future cannot be awaited with cancellation, so the sleep is what gets cut short.
        let sleeper = Task { try await Task.sleep(for: delay) }
        closed.whenComplete { _ in sleeper.cancel() }
        do {
            try await sleeper.value
            return false
        } catch {
            return true
        }
    }
}
