import Synchronization

/// A connection that any of the driver's threads may use, one at a time.
///
/// libmariadb's rule is "one `MYSQL*` used by one thread at a time" (any thread, not always the
/// same one). The mutex enforces it; the pool already hands a connection to one task at a time,
/// so the lock is uncontended and exists to make that rule impossible to break. Sendable because
/// its only mutable state is inside the `Mutex`.
final class PooledConnection: Sendable {
    /// A number for logs, unique within one pool.
    let serial: Int
    let serverThreadID: UInt
    private let native: Mutex<NativeConnection>

    init(serial: Int, native: consuming sending NativeConnection) {
        self.serial = serial
        serverThreadID = native.serverThreadID
        self.native = Mutex(native)
    }

    /// Runs blocking work on the connection while holding its lock. Call only from the driver's threads.
    func withNative<T: Sendable>(_ work: (NativeConnection) throws -> T) throws -> T {
        try native.withLock { connection throws -> T in try work(connection) }
    }

    /// Closes the connection (blocking: it sends `COM_QUIT`).
    func close() {
        native.withLock { $0.close() }
    }
}
