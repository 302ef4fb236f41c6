import Foundation
import Gateway
import StorageMySQL
import StorageSQL
import Testing

/// Schema migrations on MySQL may wait longer than the driver's read timeout, which is there to
/// notice a stalled server in normal work, not to cut a migration's wait for a lock.
@Suite("MySQL: schema migrations outlast the read timeout",
       .enabled(if: MySQLTestServer.isAvailable, "set GEMGATE_TEST_MYSQL_URL (scripts/db/mariadb-start.sh)"))
struct MySQLMigrationTimeoutTests {
    static let lockName = "gemgate_schema_migrations"

    @Test func migrationsWaitForALockHeldLongerThanTheReadTimeout() async throws {
        try await MySQLTestServer.withFreshDatabase(configure: { $0.readTimeout = .seconds(1) }) { driver in
            let storage = SQLStorage(driver: driver, logTimeZone: .utc,
                                     summary: StorageSummary(type: "mysql", location: "test"), logger: .quiet)
            // Another instance is migrating: it holds the (server-wide) migration lock for 3 s.
            var holderConfiguration = try MySQLTestServer.configuration()
            holderConfiguration.poolSize = 1
            let holder = try await MySQLBackend.makeDriver(configuration: holderConfiguration, logger: MySQLTestServer.logger)
            let taken = try await holder.query("SELECT GET_LOCK('\(Self.lockName)', 10) AS locked", [])
            #expect(taken.first?["locked"] == .int(1))
            let release = Task {
                try await Task.sleep(for: .seconds(3))
                _ = try await holder.query("SELECT RELEASE_LOCK('\(Self.lockName)') AS released", [])
            }
            do {
                let started = ContinuousClock.now
                let report = try await storage.prepare()
                #expect(ContinuousClock.now - started >= .seconds(2), "it waited for the lock")
                #expect(report.appliedMigrations == [1, 2, 3, 4, 5, 6, 7])
            } catch {
                try? await release.value
                await holder.close()
                throw error
            }
            try await release.value
            await holder.close()
        }
    }
}
