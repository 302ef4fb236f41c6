import Logging
import StorageSQL

/// `SQLDriver` for MySQL and MariaDB, over MariaDB Connector/C (libmariadb).
///
/// Statements with values go through server-side prepared statements (the binary protocol), so
/// values are never spliced into SQL text. Every libmariadb call blocks, so each runs on a small
/// dedicated thread pool, never on an event loop or Swift's cooperative pool. Connections come
/// from a pool of `configuration.poolSize`; a connection found lost is replaced and, outside a
/// transaction, the statement retried once (see `RetryPolicy`). Create it with
/// `MySQLBackend.makeDriver`; call `close()` once at the end.
public final class MySQLDriver: SQLDriver, CustomStringConvertible {
    public var dialect: SQLDialect { .mysql }
    public let configuration: MySQLConfiguration
    let pool: ConnectionPool
    let threads: BlockingCallThreads
    let logger: Logger

    init(configuration: MySQLConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        threads = BlockingCallThreads(count: configuration.poolSize)
        pool = ConnectionPool(configuration: configuration, threads: threads, logger: logger)
    }

    /// `mysql user@host:port/database`, without the password.
    public var description: String { configuration.description }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await runOutsideTransaction(sql) { try $0.run(sql, binds, readingRows: true) }.rows
    }

    @discardableResult
    public func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try await runOutsideTransaction(sql) { try $0.run(sql, binds, readingRows: false) }.execution
    }

    public func close() async {
        await pool.close()
        await threads.shutdown()
    }

    /// Opens the first connection, so that a wrong address, password or database is reported at
    /// start-up; returns the server's version.
    func connect() async throws -> ServerFacts {
        let connection = try await pool.acquire()
        let facts = try await threads.run(on: connection) { native in
            ServerFacts(version: native.serverVersion, tlsCipher: native.tlsCipher)
        }
        await pool.release(connection)
        return facts
    }

    /// Runs one statement on a lent connection. A lost connection is dropped and, when
    /// `RetryPolicy` allows, the statement runs once more on a new connection.
    private func runOutsideTransaction<T: Sendable>(
        _ sql: String, _ work: @escaping @Sendable (NativeConnection) throws -> T
    ) async throws -> T {
        let connection = try await pool.acquire()
        let failure: MySQLError
        do {
            let result = try await threads.run(on: connection, work)
            await pool.release(connection)
            return result
        } catch let error as MySQLError where error.leavesConnectionUnusable {
            failure = error
        } catch {
            await pool.release(connection)
            throw error
        }

        guard RetryPolicy.mayRetry(sql, after: failure) else {
            await pool.discard(connection, after: failure)
            throw failure
        }
        logger.warning(
            "MySQL connection lost; retrying the statement on a new connection",
            metadata: ["mysql.error": "\(failure.code)", "mysql.message": "\(failure.message)"])
        let fresh = try await pool.replace(connection, after: failure)
        do {
            let result = try await threads.run(on: fresh, work)
            await pool.release(fresh)
            return result
        } catch let error as MySQLError where error.leavesConnectionUnusable {
            await pool.discard(fresh, after: error)
            throw error
        } catch {
            await pool.release(fresh)
            throw error
        }
    }
}

/// What the server said about itself on the first connection.
struct ServerFacts: Sendable {
    var version: String
    var tlsCipher: String?
}
