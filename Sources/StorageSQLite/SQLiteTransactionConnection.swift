import StorageSQL
import Synchronization

/// The connection a transaction's body gets: every statement runs on the writer connection,
/// inside the open transaction, while the driver's gate is held for it.
final class SQLiteTransactionConnection: SQLConnection {
    private let driver: SQLiteDriver
    private let isOpen = Mutex(true)

    init(driver: SQLiteDriver) {
        self.driver = driver
    }

    /// Called when the transaction ends; later use throws instead of writing outside it.
    func end() {
        isOpen.withLock { $0 = false }
    }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try checkOpen()
        return try await driver.writerQuery(sql, binds)
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try checkOpen()
        return try await driver.writerExecute(sql, binds)
    }

    private func checkOpen() throws {
        guard isOpen.withLock({ $0 }) else { throw SQLiteDriverError.transactionEnded }
    }
}
