import PostgresNIO

extension PostgresConnection {
    /// Starts closing the connection without waiting for it: for cancellation handlers and
    /// timers, while the owner of the connection still awaits `closeAndWait()`.
    ///
    /// (postgres-nio has three `close()` overloads — future, async, and the pool's
    /// fire-and-forget one — which an unannotated call cannot choose between.)
    func closeSoon() {
        let _: EventLoopFuture<Void> = close()
    }

    /// Closes the connection and waits until it is closed. postgres-nio asserts (in debug
    /// builds) that a connection is closed before it is released, so every connection opened
    /// outside the pool ends here.
    func closeAndWait() async {
        let closing: EventLoopFuture<Void> = close()
        try? await closing.get()
    }
}
