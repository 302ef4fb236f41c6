import NIOPosix

/// The few threads on which libmariadb's blocking calls run.
///
/// A blocking call on an event loop stalls every connection of that loop (measured: 200–400 ms),
/// and one on Swift's cooperative pool starves other tasks, so every call that can wait on the
/// network goes through here. One thread per pooled connection: a connection never waits for a thread.
final class BlockingCallThreads: Sendable {
    private let threadPool: NIOThreadPool

    init(count: Int) {
        threadPool = NIOThreadPool(numberOfThreads: max(1, count))
        threadPool.start()
    }

    /// Runs blocking work on one of the threads and waits for it without blocking the caller.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await threadPool.runIfActive(work)
    }

    /// Runs blocking work on a connection, holding the connection's lock on the thread.
    func run<T: Sendable>(
        on connection: PooledConnection, _ work: @escaping @Sendable (NativeConnection) throws -> T
    ) async throws -> T {
        try await threadPool.runIfActive { try connection.withNative(work) }
    }

    /// Waits for running work to finish, then stops the threads.
    func shutdown() async {
        try? await threadPool.shutdownGracefully()
    }
}
