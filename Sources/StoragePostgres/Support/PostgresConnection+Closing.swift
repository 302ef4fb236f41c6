import PostgresNIO

extension PostgresConnection {
    /// Starts closing the connection without waiting for it. postgres-nio has three `close()`
    /// overloads (future, async, and the pool's fire-and-forget one), which an unannotated call
    /// cannot choose between.
    func closeSoon() {
        let _: EventLoopFuture<Void> = close()
    }
}
