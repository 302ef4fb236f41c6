import Foundation
import Gateway
import StorageSQL
import StorageSQLite
import Testing

@testable import Launcher

/// `gemgate migrate`'s copy: an old gemini-balance SQLite database into each backend, twice.
@Suite("Storage: copying a database (gemgate migrate)")
struct TransferTests {
    /// The old database as gemini-balance left it (Shanghai log times), read as a source.
    static func makeGeminiBalanceSource() async throws -> (storage: SQLStorage, folder: URL) {
        let folder = TemporaryFolder.make()
        let path = folder.appendingPathComponent("default_db").path
        let driver = try await SQLiteBackend.openDriver(path: path)
        try await GeminiBalanceFixture.build(on: driver, shape: .upgradedWithOldErrorLogs)
        await driver.close()
        let storage = try await SQLiteBackend.openStorage(path: path, logTimeZone: .shanghai, logger: .quiet)
        return (storage, folder)
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func everyRowArrivesOnceWithItsTimesAndTextIntact(_ backend: StorageBackendUnderTest) async throws {
        let (source, folder) = try await Self.makeGeminiBalanceSource()
        defer { TemporaryFolder.remove(folder) }
        // The gateway on the target runs in UTC: log times are re-zoned, not copied as text.
        try await withPreparedStorage(backend, logTimeZone: .utc) { target async throws in
            let transfer = DatabaseTransfer(source: source, target: target, sourceName: "sqlite:///old/default_db",
                                            batchSize: 1, progress: TransferProgressPrinter(printing: false))
            let first = try await transfer.run()
            #expect(first.map(\.copied) == [9, 0, 2, 2, 1])

            let settings = try await target.loadSettings()
            for (key, value) in GeminiBalanceFixture.settings {
                #expect(settings[key] == value, "\(key)")
            }
            let requests = try await target.recentRequestLogs(limit: 10).sorted { $0.id < $1.id }
            #expect(requests.map(\.model) == ["gemini-2.5-flash", "gemini-2.5-pro"])
            #expect(requests.map(\.isSuccess) == [true, false])
            #expect(requests.map(\.statusCode) == [200, 429])
            let expectedInstant = GeminiBalanceFixture.expectedLogInstant(for: backend.dialect)
            for request in requests {
                let time = try #require(request.time)
                #expect(abs(time.timeIntervalSince(expectedInstant)) < 0.000_01)
            }
            let errors = try await target.recentErrorLogs(limit: 10).sorted { $0.summary.id < $1.summary.id }
            #expect(errors.map(\.errorLog) == ["429 RESOURCE_EXHAUSTED: 配额已用尽 🙁", "500 INTERNAL"])
            #expect(errors.map(\.summary.model) == [nil, nil], "the old table had no model_name")
            #expect(errors[1].requestBody == nil, "gemini-balance's JSON null stays 'no body'")
            #expect(try #require(errors[0].summary.time).timeIntervalSince(expectedInstant) < 0.000_01)
            #expect(try await target.countRows(table: .fileRecords) == 1)

            // Again: settings are replaced in place, logs and files are not copied twice.
            let second = try await transfer.run()
            #expect(second.map(\.copied) == [9, 0, 0, 0, 0])
            #expect(second.map(\.alreadyCopied) == [0, 0, 2, 2, 1])
            #expect(try await target.countRows(table: .settings) == 9)
            #expect(try await target.countRows(table: .requestLog) == 2)
            #expect(try await target.countRows(table: .errorLogs) == 2)

            // Rows added to the source since are picked up by the next run.
            // (gemini-balance's own insert: the source is never migrated, so it has no token column.)
            try await source.driver.execute(
                "INSERT INTO t_request_log (request_time, model_name, api_key, is_success, status_code, latency_ms)"
                    + " VALUES ('2026-11-28 09:00:00.000000', 'gemini-3-pro', 'AIzaSyA-key-one', 1, 200, 5)", [])
            let third = try await transfer.run()
            #expect(third[2].copied == 1)
            #expect(try await target.countRows(table: .requestLog) == 3)
        }
        await source.shutdown()
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func keyStateComesAlongFromAGemgateDatabase(_ backend: StorageBackendUnderTest) async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let source = try await SQLiteBackend.openStorage(path: folder.appendingPathComponent("gemgate.db").path,
                                                         logTimeZone: .shanghai, logger: .quiet)
        _ = try await source.prepare()
        let benched = KeyStateRecord(key: "AIzaSy-benched", status: .invalid, consecutiveFailures: 3,
                                     benchedAt: Date(timeIntervalSince1970: 1_795_776_801.123),
                                     cooldowns: [ModelCooldown(model: "gemini-2.5-pro", until: Date(timeIntervalSince1970: 4_000_000_000),
                                                               reason: .perDay)])
        try await source.saveKeyStates([benched, KeyStateRecord(key: "AIzaSy-fine")])
        try await withPreparedStorage(backend) { target async throws in
            let transfer = DatabaseTransfer(source: source, target: target, sourceName: "sqlite:///gemgate.db",
                                            progress: TransferProgressPrinter(printing: false))
            _ = try await transfer.run()
            _ = try await transfer.run()
            let loaded = try await target.loadKeyStates()
            #expect(loaded.count == 2)
            #expect(loaded.first { $0.key == benched.key } == benched)
        }
        await source.shutdown()
    }

    /// gemini-balance's own `t_settings` on MySQL keeps `value TEXT` (65,535 bytes): a larger
    /// setting must stop the copy with the hint to widen the column, never arrive cut.
    @Test(arguments: GeminiBalanceDatabaseTests.backends)
    func aSettingTooLargeForTheTargetsColumnStopsTheCopyInsteadOfBeingCut(_ backend: StorageBackendUnderTest) async throws {
        let folder = TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let source = try await SQLiteBackend.openStorage(path: folder.appendingPathComponent("gemgate.db").path,
                                                         logTimeZone: .shanghai, logger: .quiet)
        _ = try await source.prepare()
        let keys = (0..<2_000).map { "\"AIzaSy-\(String(repeating: "k", count: 30))-\($0)\"" }
        let apiKeys = "[" + keys.joined(separator: ", ") + "]"
        #expect(apiKeys.utf8.count > 80_000)
        try await source.saveSettings(["API_KEYS": apiKeys, "AUTH_TOKEN": "sk-copied"])

        try await withDatabase(backend) { database async throws in
            let target = database.storage
            _ = try await GeminiBalanceFixture.build(on: target.driver, shape: .april2025)
            _ = try await target.prepare()
            let before = try await target.loadSettings()
            let transfer = DatabaseTransfer(source: source, target: target, sourceName: "sqlite:///gemgate.db",
                                            progress: TransferProgressPrinter(printing: false))
            if backend.dialect == .mysql {
                await #expect {
                    _ = try await transfer.run()
                } throws: { error in
                    guard case SQLStorageError.settingValueTooLarge(let key, let bytes, let limit)? = error as? SQLStorageError
                    else { return false }
                    return key == "API_KEYS" && bytes == apiKeys.utf8.count && limit == 65_535
                        && String(describing: error).contains("LONGTEXT")
                }
                #expect(try await target.loadSettings() == before, "nothing of the batch was written")
            } else {
                _ = try await transfer.run()
                #expect(try await target.loadSettings()["API_KEYS"] == apiKeys)
            }
        }
        await source.shutdown()
    }

    @Test func databaseURLsAreReadAsDocumented() throws {
        guard case .sqlite(let absolute) = try DatabaseURL("sqlite:///data/default_db") else { Issue.record(); return }
        #expect(absolute == "/data/default_db")
        guard case .sqlite(let relative) = try DatabaseURL("sqlite:data/default_db") else { Issue.record(); return }
        #expect(relative == FileManager.default.currentDirectoryPath + "/data/default_db")
        let mysql = try DatabaseURL("mysql://gemgate:p%40ss@db.example.com:3307/gemgate?ssl=required")
        #expect(mysql.displayName == "mysql://gemgate@db.example.com:3307/gemgate (TLS)")
        #expect(!mysql.displayName.contains("p@ss"))
        let postgres = try DatabaseURL("postgres://gemgate:secret@127.0.0.1:5433/gemgate")
        #expect(postgres.displayName.hasPrefix("postgres://"))
        #expect(!postgres.displayName.contains("secret"))
        #expect(throws: (any Error).self) { try DatabaseURL("redis://localhost") }
    }
}
