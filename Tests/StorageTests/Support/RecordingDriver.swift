import StorageSQL
import Synchronization

/// Wraps a driver and notes how many rows each DELETE run outside a transaction removed, to
/// see how a bulk delete is split into statements.
final class RecordingDriver: SQLDriver {
    let base: any SQLDriver
    private let deleted = Mutex<[Int]>([])

    init(base: any SQLDriver) {
        self.base = base
    }

    var dialect: SQLDialect { base.dialect }

    /// Rows removed by each DELETE, in order.
    var deletions: [Int] { deleted.withLock { $0 } }

    func forget() {
        deleted.withLock { $0.removeAll() }
    }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await base.query(sql, binds)
    }

    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        let execution = try await base.execute(sql, binds)
        if sql.hasPrefix("DELETE") { deleted.withLock { $0.append(execution.affectedRows) } }
        return execution
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await base.transaction(body)
    }

    /// The base driver belongs to the test's database, which closes it.
    func close() async {}
}
