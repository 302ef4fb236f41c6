import Foundation
import Logging

/// Applies the migrations a database has not seen yet, each in its own transaction, and records
/// them in `gg_schema_migrations`. Safe on every start and with several Gemgate processes
/// starting against one server database: each step runs under the dialect's migration lock and
/// re-checks, once it holds the lock, whether another process has applied it meanwhile.
struct MigrationRunner: Sendable {
    let driver: any SQLDriver
    let migrations: [SchemaMigration]
    let logger: Logger

    /// Returns the versions applied by this call (empty when the schema was current).
    func run() async throws -> [Int] {
        let dialect = driver.dialect
        _ = try await withMigrationLock { connection in
            try await connection.execute(GemgateTables.schemaMigrations.createStatement(for: dialect), [])
        }
        let alreadyApplied = try await Self.appliedVersions(on: DriverConnection(driver: driver))

        var appliedNow: [Int] = []
        for migration in migrations where !alreadyApplied.contains(migration.version) {
            let didApply = try await withMigrationLock { connection in
                guard try await !Self.appliedVersions(on: connection).contains(migration.version) else { return false }
                try await migration.apply(MigrationContext(connection: connection, dialect: dialect))
                try await connection.execute(
                    "INSERT INTO gg_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [.int(Int64(migration.version)), .text(migration.name), .int(EpochMilliseconds.value(Date()))]
                )
                return true
            }
            if didApply {
                appliedNow.append(migration.version)
                logger.info("Applied schema migration \(migration.version): \(migration.name)")
            }
        }
        return appliedNow
    }

    private static func appliedVersions(on connection: any SQLConnection) async throws -> Set<Int> {
        let rows = try await connection.query("SELECT version FROM gg_schema_migrations", [])
        return Set(rows.compactMap { $0["version"].int })
    }

    /// Runs `body` in a transaction that holds the dialect's migration lock.
    private func withMigrationLock<T: Sendable>(
        _ body: @escaping @Sendable (any SQLConnection) async throws -> T
    ) async throws -> T {
        let lock = driver.dialect.migrationLock
        return try await driver.transaction { connection in
            guard let lock else { return try await body(connection) }
            let acquired = try await connection.query(lock.acquire, [])
            guard acquired.first?["locked"].int64 == 1 else { throw SQLStorageError.migrationLockNotAcquired }
            do {
                let result = try await body(connection)
                if let release = lock.release { _ = try await connection.query(release, []) }
                return result
            } catch {
                if let release = lock.release { _ = try? await connection.query(release, []) }
                throw error
            }
        }
    }
}
