import Foundation
import Gateway
import StorageSQL
import Testing

@Suite("Storage: schema and migrations")
struct MigrationStorageTests {
    static let allVersions = [1, 2, 3, 4, 5, 6, 7]

    @Test(arguments: StorageBackendUnderTest.available)
    func aNewDatabaseGetsEveryTableAndPreparingAgainChangesNothing(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend) { database async throws in
            let storage = database.storage
            let first = try await storage.prepare()
            #expect(first.openedGeminiBalanceDatabase == false)
            #expect(first.appliedMigrations == Self.allVersions)

            let second = try await storage.prepare()
            #expect(second.openedGeminiBalanceDatabase == false)
            #expect(second.appliedMigrations.isEmpty)

            // A restart: a new storage over the same database.
            let reopened = try await database.reopen()
            let third = try await reopened.prepare()
            #expect(third.appliedMigrations.isEmpty)
            #expect(try await reopened.appliedSchemaVersions() == Self.allVersions)

            for table in SQLStorage.Table.allCases {
                #expect(try await storage.countRows(table: table) >= 0)
            }
            #expect(try await storage.columnNames(of: "t_request_log") == [
                "id", "request_time", "model_name", "api_key", "is_success", "status_code", "latency_ms",
                "token_fingerprint",
            ])
            #expect(try await storage.columnNames(of: "t_error_logs") == [
                "id", "gemini_key", "model_name", "error_type", "error_log", "error_code", "request_msg",
                "request_time",
            ])
            #expect(try await storage.columnNames(of: "gg_key_state") == [
                "api_key", "status", "consecutive_failures", "benched_at", "last_error_code", "last_error_message",
                "last_error_at", "last_used_at", "cooldowns", "updated_at",
            ])
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func twoProcessesPreparingAtOnceApplyEachMigrationOnce(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend) { database async throws in
            let other = try await database.reopen()
            async let first = database.storage.prepare()
            async let second = other.prepare()
            let reports = try await [first, second]
            #expect(reports.flatMap(\.appliedMigrations).sorted() == Self.allVersions)
            #expect(try await other.appliedSchemaVersions() == Self.allVersions)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func theTimeWindowIndexesExist(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let names = [
                "gg_idx_request_log_time", "gg_idx_request_log_key_time", "gg_idx_request_log_model_time",
                "gg_idx_request_log_token_time", "gg_idx_error_logs_time", "gg_idx_error_logs_key",
                "gg_idx_error_logs_code",
            ]
            let sql: String
            switch backend.dialect {
            case .sqlite: sql = "SELECT name AS index_name FROM sqlite_master WHERE type = 'index'"
            case .mysql: sql = "SELECT DISTINCT INDEX_NAME AS index_name FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE()"
            case .postgres: sql = "SELECT CAST(indexname AS TEXT) AS index_name FROM pg_indexes"
                + " WHERE schemaname = current_schema()"
            }
            let existing = Set(try await storage.driver.query(sql, []).compactMap { row -> String? in
                if case .text(let name) = row["index_name"] { return name }
                return nil
            })
            for name in names {
                #expect(existing.contains(name), "missing index \(name)")
            }
        }
    }
}
