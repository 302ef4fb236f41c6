/// Lets code written against `SQLConnection` (catalog reads, helpers shared with migrations)
/// also run outside a transaction, straight on the driver.
struct DriverConnection: SQLConnection {
    let driver: any SQLDriver

    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await driver.query(sql, binds)
    }

    @discardableResult
    func execute(_ sql: String, _ binds: [SQLValue]) async throws -> SQLExecution {
        try await driver.execute(sql, binds)
    }
}
