import Foundation
import Gateway
import GRDB
import StorageSQL
import Testing

@testable import StorageSQLite

/// What only the SQLite backend has: a file, its folder, journal modes and file locks.
@Suite("SQLite backend")
struct SQLiteBackendTests {
    @Test func aRollbackJournalFileLeftByGeminiBalanceOpensAndStaysUsableForIt() async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        // gemini-balance's default location: data/default_db, no extension.
        let path = folder.appendingPathComponent("data/default_db").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("data").path,
                                                withIntermediateDirectories: true)
        try await Self.writeWithPlainSQLite(path: path) { db in
            for (sql, binds) in GeminiBalanceFixture.statements(for: .sqlite, shape: .upgradedWithOldErrorLogs)! {
                try db.execute(sql: sql, arguments: StatementArguments(binds: binds))
            }
        }
        #expect(try await Self.journalMode(path) == "delete")

        let storage = try await SQLiteBackend.openStorage(path: path, logTimeZone: .shanghai, logger: .quiet)
        let report = try await storage.prepare()
        #expect(report.openedGeminiBalanceDatabase)
        #expect(try await storage.loadSettings() == GeminiBalanceFixture.settings)
        #expect(try await storage.recentRequestLogs(limit: 5).first?.time == GeminiBalanceFixture.logInstant)
        try await storage.insertRequestLogs([
            RequestLogEntry(time: TestTimes.base, model: "m", apiKey: "k", isSuccess: true, statusCode: 200, latencyMs: 1),
        ])
        await storage.shutdown()

        // Now in WAL mode, and an ordinary SQLite client (gemini-balance) still reads and writes it.
        #expect(try await Self.journalMode(path) == "wal")
        try await Self.writeWithPlainSQLite(path: path) { db in
            try db.execute(sql: "INSERT INTO t_request_log (request_time, model_name, api_key, is_success, status_code,"
                                + " latency_ms) VALUES ('2026-11-28 09:00:00.000000', 'm', 'k', 1, 200, 5)")
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t_request_log") == 4)
        }
    }

    @Test func aMissingDataFolderIsCreated() async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let path = folder.appendingPathComponent("nested/data/gemgate.db").path
        let storage = try await SQLiteBackend.openStorage(path: path, logTimeZone: .utc, logger: .quiet)
        _ = try await storage.prepare()
        await storage.shutdown()
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(storage.summary.type == "sqlite" && storage.summary.location == path)
    }

    @Test func aFolderThatCannotBeCreatedIsReportedAsNotWritable() async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let blocker = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("gemgate.db").path
        await #expect {
            _ = try await SQLiteBackend.openStorage(path: path, logTimeZone: .utc, logger: .quiet)
        } throws: { error in
            guard case SQLiteBackendError.dataFolderNotWritable(let reported)? = error as? SQLiteBackendError else {
                return false
            }
            let text = "\(error)"
            return reported == blocker.path && text.contains("is not writable")
                && text.contains("check that the volume is mounted there and writable by the app's user")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root ignores permission bits"))
    func aReadOnlyFolderIsReportedAsNotWritable() async throws {
        let folder = TemporaryFolder.make()
        defer {
            chmod(folder.path, 0o755)
            TemporaryFolder.remove(folder)
        }
        chmod(folder.path, 0o555)
        await #expect(throws: SQLiteBackendError.self) {
            _ = try await SQLiteBackend.openStorage(path: folder.appendingPathComponent("db").path,
                                                    logTimeZone: .utc, logger: .quiet)
        }
    }

    @Test func aFileThatIsNotSQLiteIsReportedAsSuch() async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let path = folder.appendingPathComponent("default_db").path
        try Data(String(repeating: "this is a text file, not a database\n", count: 200).utf8)
            .write(to: URL(fileURLWithPath: path))
        await #expect {
            let storage = try await SQLiteBackend.openStorage(path: path, logTimeZone: .utc, logger: .quiet)
            _ = try await storage.prepare()
        } throws: { error in
            guard case SQLiteBackendError.notASQLiteDatabase? = error as? SQLiteBackendError else { return false }
            return "\(error)".contains("is not a SQLite database")
        }
    }

    @Test func aFolderGivenAsTheDatabasePathIsRefused() async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        await #expect(throws: SQLiteBackendError.self) {
            _ = try await SQLiteBackend.openStorage(path: folder.path, logTimeZone: .utc, logger: .quiet)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aWriteWaitsForAnotherProcesssLockInsteadOfFailing() async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let path = folder.appendingPathComponent("gemgate.db").path
        // A short SQLite busy timeout, so that the wait also exercises BusyRetry.
        let driver = try await SQLiteDriver(path: path, busyTimeout: 0.1)
        let storage = SQLStorage(driver: driver, logTimeZone: .utc,
                                 summary: StorageSummary(type: "sqlite", location: path), logger: .quiet)
        _ = try await storage.prepare()

        // Another connection (think: gemini-balance, or the sqlite3 shell) holds the write lock.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: configuration)
        try await other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }

        let started = ContinuousClock.now
        let writer = Task {
            try await storage.insertRequestLogs([
                RequestLogEntry(time: TestTimes.base, model: nil, apiKey: nil, isSuccess: true, statusCode: 200,
                                latencyMs: 1),
            ])
            return ContinuousClock.now
        }
        try await Task.sleep(for: .milliseconds(800))
        try await other.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
        let finished = try await writer.value

        #expect(finished - started >= .milliseconds(700), "the write waited for the lock")
        #expect(try await storage.countRows(table: .requestLog) == 1)
        try other.close()
        await storage.shutdown()
    }

    @Test func theDriverRefusesToBeCalledInsideItsOwnTransaction() async throws {
        try await withPreparedStorage(.sqliteForSure) { storage async throws in
            await #expect(throws: SQLiteDriverError.self) {
                try await storage.driver.transaction { _ in
                    try await storage.driver.execute("DELETE FROM t_settings", [])
                }
            }
            // The gate was released: the driver still works.
            try await storage.saveSettings(["AFTER": "1"])
            #expect(try await storage.loadSettings() == ["AFTER": "1"])
        }
    }

    @Test func aCancelledTransactionIsRolledBackAndReleasesTheWriter() async throws {
        try await withPreparedStorage(.sqliteForSure) { storage async throws in
            let driver = storage.driver
            let task = Task {
                try await driver.transaction { connection in
                    try await connection.execute(
                        "INSERT INTO gg_key_state (api_key, status, consecutive_failures, cooldowns, updated_at)"
                            + " VALUES ('AIza-cancelled', 'active', 0, '[]', 0)", [])
                    try await Task.sleep(for: .seconds(30))
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            _ = await task.result

            #expect(try await storage.countRows(table: .keyState) == 0)
            try await storage.saveKeyStates([KeyStateRecord(key: "AIza-after")])
            #expect(try await storage.loadKeyStates().map(\.key) == ["AIza-after"])
        }
    }

    // MARK: Helpers

    /// Opens the file the way gemini-balance's SQLAlchemy did: one plain connection, default
    /// (rollback) journal.
    private static func writeWithPlainSQLite(path: String, _ body: @escaping @Sendable (Database) throws -> Void) async throws {
        let queue = try DatabaseQueue(path: path)
        try await queue.writeWithoutTransaction { db in try body(db) }
        try queue.close()
    }

    private static func journalMode(_ path: String) async throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        try queue.close()
        return mode
    }
}

extension StorageBackendUnderTest {
    /// The SQLite backend for SQLite-only tests (always available).
    static var sqliteForSure: StorageBackendUnderTest { sqlite! }
}
