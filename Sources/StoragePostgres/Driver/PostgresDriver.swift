import Logging
import PostgresNIO
import StorageSQL
import Synchronization

/// The `SQLDriver` for PostgreSQL, over postgres-nio's pooled `PostgresClient`.
///
/// Create it with `PostgresBackend.makeDriver(configuration:logger:)`, which checks the server
/// first. Lifecycle: the driver owns one root task running the pool (and any LISTEN sessions,
/// see `PostgresDriverLifecycle`); `close()` ends it and waits. Call `close()` once, last.
///
/// Dialect facts the shared layer relies on (PostgreSQL has no last-insert-id):
/// - `execute` returns the affected rows from the command tag and `lastInsertID` nil; an
///   insert that needs its id must say `INSERT … RETURNING id` and read it with `query`.
/// - Placeholders are `?` (rewritten to `$n`); text binds have no declared type, so they fit
///   timestamp, jsonb, boolean and numeric columns; `? IS NULL` needs `CAST(? AS TEXT)`.
/// - Integers are bound as `bigint`, which PostgreSQL will not put into a `boolean` column:
///   store flags as `SMALLINT` 0/1 (they read back as `.int` either way).
/// - Every session runs with `TimeZone=UTC`.
public final class PostgresDriver: SQLDriver {
    public var dialect: SQLDialect { .postgres }
    public let configuration: PostgresConfiguration

    let client: PostgresClient
    /// For connections outside the pool: LISTEN sessions.
    let connectionConfiguration: PostgresConnection.Configuration
    let logger: Logger
    let lifecycle: PostgresDriverLifecycle

    /// Starts the pool without checking the server; `PostgresBackend.makeDriver` checks first.
    init(configuration: PostgresConfiguration, logger: Logger) async throws {
        self.configuration = configuration
        self.logger = logger
        connectionConfiguration = try configuration.makeConnectionConfiguration()
        let client = PostgresClient(configuration: configuration.makeClientConfiguration(), backgroundLogger: logger)
        self.client = client
        lifecycle = await PostgresDriverLifecycle(client: client)
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        let logger = self.logger
        return try await withLeasedConnection { connection in
            try await PostgresStatement.run(sql, binds, on: connection, logger: logger).rows
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        let logger = self.logger
        let outcome = try await withLeasedConnection { connection in
            try await PostgresStatement.run(sql, binds, on: connection, logger: logger, decodingRows: false)
        }
        return SQLExecution(affectedRows: outcome.affectedRows, lastInsertID: nil)
    }

    /// `BEGIN`, the body, `COMMIT`, all on one leased connection; `ROLLBACK` when the body
    /// throws (its error is rethrown unchanged). Do not call the driver itself inside the
    /// body: that leases a second connection, outside the transaction, and with a full pool
    /// waits for the one the body holds.
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await withoutActuallyEscaping(body) { body in
            try await withLeasedConnection { connection in
                try await Self.runTransaction(on: connection, logger: logger, body)
            }
        }
    }

    public func close() async {
        await lifecycle.close()
    }

    private static func runTransaction<T: Sendable>(
        on connection: PostgresConnection,
        logger: Logger,
        _ body: @Sendable (any SQLConnection) async throws -> T
    ) async throws -> T {
        _ = try await PostgresStatement.run("BEGIN", [], on: connection, logger: logger)
        let value: T
        do {
            value = try await body(PostgresTransactionConnection(connection: connection, logger: logger))
        } catch {
            await rollBack(connection, logger: logger)
            throw error
        }

        let commit: PostgresStatement.Outcome
        do {
            commit = try await PostgresStatement.run("COMMIT", [], on: connection, logger: logger)
        } catch {
            await rollBack(connection, logger: logger)
            throw error
        }
        // A body that caught a failed statement and returned leaves an aborted transaction;
        // PostgreSQL then answers COMMIT with the tag ROLLBACK and no error. Nothing was saved.
        if commit.command == "ROLLBACK" {
            throw PostgresDriverError(
                kind: .server,
                sqlState: "25P02",
                message: "the transaction was rolled back at COMMIT because a statement in it had failed"
            )
        }
        return value
    }

    /// Best effort: a connection whose ROLLBACK fails is broken, and the pool drops it.
    private static func rollBack(_ connection: PostgresConnection, logger: Logger) async {
        do {
            _ = try await PostgresStatement.run("ROLLBACK", [], on: connection, logger: logger)
        } catch {
            logger.debug("PostgreSQL ROLLBACK failed", metadata: ["error": "\(error)"])
        }
    }

    /// Leases a pool connection for `work`, waiting at most `connectionWaitTimeout` for one.
    ///
    /// postgres-nio's pool keeps retrying a server it lost and lets lease requests wait
    /// indefinitely; without this bound a storage call would hang while the database is down.
    /// Only the wait for a connection is bounded, not the statement itself.
    func withLeasedConnection<T: Sendable>(
        _ work: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws -> T {
        let client = self.client
        let timeout = configuration.connectionWaitTimeout
        let address = configuration.address
        let poolSize = configuration.poolSize
        let leased = LeaseFlag()
        if lifecycle.isClosed {
            throw PostgresDriverError(kind: .closed, message: "the driver is closed")
        }
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        leased.markLeased()
                        return try await work(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    guard leased.isLeased else {
                        throw PostgresDriverError(
                            kind: .timeout,
                            message: "no connection to \(address) within \(timeout): the server is unreachable, "
                                + "or all \(poolSize) pool connections are busy (POSTGRES_POOL_SIZE)"
                        )
                    }
                    return nil
                }
                // The timer finishing first with nil means "leased in time": keep waiting.
                while let result = try await group.next() {
                    if let value = result {
                        group.cancelAll()
                        return value
                    }
                }
                throw PostgresDriverError(kind: .closed, message: "the query ended without a result")
            }
        } catch {
            // Errors from `work` are already typed, or the caller's own: pass them on. Anything
            // else came from leasing (the pool's own error types, the wait timer, cancellation).
            if leased.isLeased {
                throw error
            }
            if lifecycle.isClosed {
                throw PostgresDriverError(kind: .closed, message: "the driver is closed")
            }
            throw PostgresDriverError.wrap(error)
        }
    }
}

/// Set once a pool connection has been lent, read by the wait timer.
private final class LeaseFlag: Sendable {
    private let leased = Mutex(false)

    func markLeased() {
        leased.withLock { $0 = true }
    }

    var isLeased: Bool {
        leased.withLock { $0 }
    }
}
