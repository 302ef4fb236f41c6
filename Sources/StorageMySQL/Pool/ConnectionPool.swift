import Logging

/// Owns up to `poolSize` connections and lends each to one task at a time.
///
/// A task that finds every connection lent waits in line (first come, first served). Idle
/// connections are checked before they are lent again: one idle longer than `pingAfterIdle` (or
/// suspected after another connection was lost) is pinged, one idle longer than
/// `recycleAfterIdle` is replaced, so the server's `wait_timeout` never hands a task a dead one.
/// Opening, pinging and closing block, so they run on the driver's threads; the actor only keeps
/// the books.
actor ConnectionPool {
    private struct IdleConnection {
        let connection: PooledConnection
        let since: ContinuousClock.Instant
        var mustPing: Bool
    }

    /// What a waiting task is given when its turn comes.
    private enum Turn {
        /// A connection just returned by another task: it worked a moment ago.
        case connection(PooledConnection)
        /// Room to open a new connection (one was dropped); the slot is already counted.
        case openSlot
    }

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Turn, any Error>
    }

    private let configuration: MySQLConfiguration
    private let threads: BlockingCallThreads
    private let logger: Logger
    private let clock = ContinuousClock()

    private var idle: [IdleConnection] = []
    /// Connections idle, lent, or being opened.
    private var openCount = 0
    private var waiters: [Waiter] = []
    private var nextWaiterID = 0
    private var nextSerial = 0
    private var isClosed = false
    private(set) var statistics = PoolStatistics()

    init(configuration: MySQLConfiguration, threads: BlockingCallThreads, logger: Logger) {
        self.configuration = configuration
        self.threads = threads
        self.logger = logger
    }

    private var capacity: Int { max(1, configuration.poolSize) }

    /// Lends a working connection; give it back with `release` or `discard`.
    func acquire() async throws -> PooledConnection {
        try ensureOpen()
        if let entry = idle.popLast() {
            return try await readyForUse(entry)
        }
        if openCount < capacity {
            openCount += 1
            return try await openInReservedSlot()
        }
        switch try await waitForTurn() {
        case .connection(let connection): return connection
        case .openSlot: return try await openInReservedSlot()
        }
    }

    /// Takes back a connection that still works.
    func release(_ connection: PooledConnection) async {
        if isClosed {
            openCount -= 1
            await closeOnThreads(connection)
            return
        }
        if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume(returning: .connection(connection))
            return
        }
        idle.append(IdleConnection(connection: connection, since: clock.now, mustPing: false))
    }

    /// Drops a connection that failed, freeing its slot for a new one.
    func discard(_ connection: PooledConnection, after error: MySQLError) async {
        openCount -= 1
        statistics.discarded += 1
        logger.debug(
            "Dropped a MySQL connection",
            metadata: ["mysql.connection": "\(connection.serial)", "mysql.error": "\(error.code)"])
        if error.isConnectionLost { suspectIdleConnections() }
        handOverFreeSlot()
        await closeOnThreads(connection)
    }

    /// Drops a lost connection and opens a new one in its place for the same task.
    func replace(_ connection: PooledConnection, after error: MySQLError) async throws -> PooledConnection {
        statistics.replacedAfterLoss += 1
        // Whatever killed this one (a server restart, a proxy) probably killed the idle ones too.
        suspectIdleConnections()
        await closeOnThreads(connection)
        return try await openInReservedSlot()
    }

    /// Fails every waiting task and closes idle connections; lent ones are closed when returned.
    func close() async {
        guard !isClosed else { return }
        isClosed = true
        let waiting = waiters
        waiters.removeAll()
        for waiter in waiting {
            waiter.continuation.resume(throwing: closedError)
        }
        let idleNow = idle
        idle.removeAll()
        openCount -= idleNow.count
        for entry in idleNow {
            await closeOnThreads(entry.connection)
        }
    }

    // MARK: - Lending

    private func readyForUse(_ entry: IdleConnection) async throws -> PooledConnection {
        let idleFor = clock.now - entry.since
        if idleFor > configuration.recycleAfterIdle {
            statistics.recycled += 1
            await closeOnThreads(entry.connection)
            return try await openInReservedSlot()
        }
        guard entry.mustPing || idleFor > configuration.pingAfterIdle else {
            return entry.connection
        }
        let alive = (try? await threads.run(on: entry.connection) { $0.ping() }) ?? false
        if alive { return entry.connection }
        statistics.failedPings += 1
        logger.debug("An idle MySQL connection no longer answered; opening a new one", metadata: ["mysql.connection": "\(entry.connection.serial)"])
        await closeOnThreads(entry.connection)
        return try await openInReservedSlot()
    }

    /// Opens a connection in a slot already counted in `openCount`; frees the slot if that fails.
    private func openInReservedSlot() async throws -> PooledConnection {
        nextSerial += 1
        let serial = nextSerial
        let configuration = self.configuration
        let connection: PooledConnection
        do {
            connection = try await threads.run {
                PooledConnection(serial: serial, native: try NativeConnection.open(configuration))
            }
        } catch {
            openCount -= 1
            handOverFreeSlot()
            throw error
        }
        statistics.opened += 1
        logger.debug(
            "Opened a MySQL connection",
            metadata: ["mysql.connection": "\(serial)", "mysql.thread_id": "\(connection.serverThreadID)"])
        if isClosed {
            openCount -= 1
            await closeOnThreads(connection)
            throw closedError
        }
        return connection
    }

    private func waitForTurn() async throws -> Turn {
        let id = nextWaiterID
        nextWaiterID += 1
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append(Waiter(id: id, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.cancelWaiting(id) }
        }
    }

    private func cancelWaiting(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    /// Gives a freed slot to the first waiting task, which opens a connection in it.
    private func handOverFreeSlot() {
        guard !isClosed, openCount < capacity, !waiters.isEmpty else { return }
        openCount += 1
        waiters.removeFirst().continuation.resume(returning: .openSlot)
    }

    private func suspectIdleConnections() {
        for index in idle.indices {
            idle[index].mustPing = true
        }
    }

    private func closeOnThreads(_ connection: PooledConnection) async {
        // After shutdown the threads are gone; the connection then closes when it is released.
        _ = try? await threads.run { connection.close() }
    }

    private func ensureOpen() throws {
        if isClosed { throw closedError }
    }

    private var closedError: MySQLError {
        .driver("The MySQL connection pool is closed.", endpoint: configuration.endpoint)
    }
}

/// Counters for logs and tests.
struct PoolStatistics: Sendable, Equatable {
    var opened = 0
    /// Lost connections replaced so that a statement could be retried or a transaction begun.
    var replacedAfterLoss = 0
    var discarded = 0
    /// Idle connections that did not answer a ping.
    var failedPings = 0
    /// Idle connections closed for age.
    var recycled = 0
}
