import Logging
import PostgresNIO
import StorageSQL

/// The connection a transaction body works with: every statement goes to the one leased
/// connection that ran `BEGIN`. Valid only while the body runs; keeping it afterwards would
/// run statements on a connection the pool has lent to someone else.
struct PostgresTransactionConnection: SQLConnection {
    let connection: PostgresConnection
    let logger: Logger

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await PostgresStatement.run(sql, binds, on: connection, logger: logger).rows
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        let outcome = try await PostgresStatement.run(sql, binds, on: connection, logger: logger, decodingRows: false)
        return SQLExecution(affectedRows: outcome.affectedRows, lastInsertID: nil)
    }
}
