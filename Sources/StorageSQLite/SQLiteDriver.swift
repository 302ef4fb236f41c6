import Foundation
import GRDB
import Logging
import StorageSQL

/// `SQLDriver` over one SQLite file, through GRDB on the system's libsqlite3.
///
/// A `DatabasePool` puts the file in WAL mode: reads run on reader connections in parallel and
/// never wait for the writer; all writes go through the one writer connection, in the order
/// `WriterGate` admits them. `busyMode = .timeout(5)` makes SQLite wait for a lock held by
/// another process (GRDB's default fails at once), and `BusyRetry` waits longer still.
///
/// Outside a transaction, `query` reads from a reader connection: use it for SELECTs only.
/// Inside `transaction`, use only the connection passed to the body (calling the driver itself
/// there would wait for the transaction's own gate; that is detected and thrown instead).
public final class SQLiteDriver: SQLDriver {
    public let dialect: SQLDialect = .sqlite
    /// The database file, as opened.
    public let path: String
    private let pool: DatabasePool
    private let gate = WriterGate()

    /// The driver whose transaction the current task is running, to catch nested use.
    @TaskLocal private static var transactionOwner: ObjectIdentifier?

    /// Opens (or creates) the database file. The caller has checked the folder; see
    /// `SQLiteBackend.openStorage`, which also turns GRDB's errors into readable ones.
    /// `busyTimeout` is how long SQLite itself waits for another connection's lock before
    /// `BusyRetry` takes over (tests shorten it).
    public init(path: String, busyTimeout: TimeInterval = 5) async throws {
        var configuration = Configuration()
        configuration.label = "gemgate"
        configuration.busyMode = .timeout(busyTimeout)
        // Transactions are opened and closed across several writer accesses (see WriterGate).
        configuration.allowsUnsafeTransactions = true
        // WAL makes NORMAL durable across application crashes; only a power cut may lose the
        // last transactions, which is fine for logs and key state.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        self.path = path
        // Opening switches a rollback-journal file (gemini-balance's) to WAL, which needs a
        // moment without other connections: retried like any busy statement.
        self.pool = try await BusyRetry.run { try DatabasePool(path: path, configuration: configuration) }
    }

    // MARK: SQLDriver

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try refuseNestedUse()
        let arguments = StatementArguments(binds: binds)
        return try await BusyRetry.run {
            try await pool.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map(SQLRow.init)
            }
        }
    }

    @discardableResult
    public func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try refuseNestedUse()
        await gate.acquire()
        do {
            let result = try await writerExecute(sql, binds)
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }

    public func transaction<T: Sendable>(
        _ body: @Sendable (any SQLConnection) async throws -> T
    ) async throws -> T {
        try refuseNestedUse()
        await gate.acquire()
        do {
            // IMMEDIATE takes the write lock now, so no statement inside can fail on a lock
            // that another process took in between.
            _ = try await writerExecute("BEGIN IMMEDIATE TRANSACTION", [])
        } catch {
            await gate.release()
            throw error
        }
        let connection = SQLiteTransactionConnection(driver: self)
        do {
            let result = try await Self.$transactionOwner.withValue(ObjectIdentifier(self)) {
                try await body(connection)
            }
            connection.end()
            try await finishTransaction(commit: true)
            await gate.release()
            return result
        } catch {
            connection.end()
            try? await finishTransaction(commit: false)
            await gate.release()
            throw error
        }
    }

    public func close() async {
        await gate.acquire()
        try? pool.close()
        await gate.release()
    }

    // MARK: Writer access

    /// Runs one statement on the writer connection. Callers hold the gate.
    func writerExecute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        let arguments = StatementArguments(binds: binds)
        let isInsert = sql.drop(while: \.isWhitespace).prefix(6).uppercased() == "INSERT"
        return try await BusyRetry.run {
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: sql, arguments: arguments)
                return SQLExecution(affectedRows: db.changesCount,
                                    lastInsertID: isInsert ? db.lastInsertedRowID : nil)
            }
        }
    }

    /// Runs a query on the writer connection, so it sees the open transaction's own changes.
    /// Callers hold the gate.
    func writerQuery(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        let arguments = StatementArguments(binds: binds)
        return try await BusyRetry.run {
            try await pool.writeWithoutTransaction { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map(SQLRow.init)
            }
        }
    }

    /// COMMIT or ROLLBACK, shielded from the caller's cancellation: GRDB refuses to start work
    /// for a cancelled task, and a transaction left open would swallow the next writer's
    /// statements. A failed COMMIT is followed by a ROLLBACK, so the writer is always left
    /// outside a transaction.
    private func finishTransaction(commit: Bool) async throws {
        let pool = self.pool
        try await Task {
            do {
                try await BusyRetry.run {
                    try await pool.writeWithoutTransaction { db in
                        guard db.isInsideTransaction else { return }
                        try db.execute(sql: commit ? "COMMIT TRANSACTION" : "ROLLBACK TRANSACTION")
                    }
                }
            } catch {
                try? await pool.writeWithoutTransaction { db in
                    if db.isInsideTransaction { try db.execute(sql: "ROLLBACK TRANSACTION") }
                }
                throw error
            }
        }.value
    }

    private func refuseNestedUse() throws {
        if Self.transactionOwner == ObjectIdentifier(self) {
            throw SQLiteDriverError.usedInsideOwnTransaction
        }
    }
}

/// Misuse of the driver by the code that calls it.
public enum SQLiteDriverError: Error, CustomStringConvertible, Sendable {
    /// The driver itself was called inside one of its transactions; use the connection given to
    /// the transaction's body instead.
    case usedInsideOwnTransaction
    /// A transaction's connection was used after its transaction had ended.
    case transactionEnded

    public var description: String {
        switch self {
        case .usedInsideOwnTransaction:
            return "The SQLite driver was called inside its own transaction; use the transaction's connection."
        case .transactionEnded:
            return "A SQLite transaction's connection was used after the transaction ended."
        }
    }
}
