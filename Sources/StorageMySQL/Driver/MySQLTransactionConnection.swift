import StorageSQL
import Synchronization

/// The connection a transaction's body runs its statements on.
///
/// Valid only while the body runs: afterwards the connection is back in the pool, possibly in
/// another task's transaction, so any later use is refused instead of running there.
final class MySQLTransactionConnection: SQLConnection {
    private let connection: PooledConnection
    private let threads: BlockingCallThreads
    private let endpoint: String
    private let hasEnded = Atomic<Bool>(false)

    init(connection: PooledConnection, threads: BlockingCallThreads, endpoint: String) {
        self.connection = connection
        self.threads = threads
        self.endpoint = endpoint
    }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try ensureActive(sql)
        return try await threads.run(on: connection) { try $0.run(sql, binds, readingRows: true) }.rows
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try ensureActive(sql)
        return try await threads.run(on: connection) { try $0.run(sql, binds, readingRows: false) }.execution
    }

    func end() {
        hasEnded.store(true, ordering: .releasing)
    }

    private func ensureActive(_ sql: String) throws(MySQLError) {
        if hasEnded.load(ordering: .acquiring) {
            throw .driver("A transaction's connection was used after the transaction ended.", endpoint: endpoint, statement: sql)
        }
    }
}
