import StorageSQL
import Synchronization

/// Wraps a driver and makes the n-th statement executed inside a transaction fail, to prove
/// that a multi-statement write is all or nothing on every backend.
struct FailingDriver: SQLDriver {
    struct InjectedFailure: Error {}

    let base: any SQLDriver
    /// 1-based: which `execute` inside a transaction throws.
    let failingStatement: Int

    var dialect: SQLDialect { base.dialect }

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await base.query(sql, binds)
    }

    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try await base.execute(sql, binds)
    }

    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        let counter = StatementCounter()
        let failingStatement = self.failingStatement
        return try await base.transaction { connection in
            try await body(FailingConnection(base: connection, failingStatement: failingStatement, counter: counter))
        }
    }

    func close() async {}
}

private struct FailingConnection: SQLConnection {
    let base: any SQLConnection
    let failingStatement: Int
    let counter: StatementCounter

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await base.query(sql, binds)
    }

    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        let number = counter.next()
        if number == failingStatement { throw FailingDriver.InjectedFailure() }
        return try await base.execute(sql, binds)
    }
}

private final class StatementCounter: Sendable {
    private let count = Mutex(0)

    func next() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}
