import Foundation
import Gateway
import StorageSQL
import Testing

/// Opening a database gemini-balance left behind (SQLite and MySQL; it never ran on PostgreSQL).
@Suite("Storage: opening a gemini-balance database")
struct GeminiBalanceDatabaseTests {
    static var backends: [StorageBackendUnderTest] {
        StorageBackendUnderTest.available.filter { $0.dialect != .postgres }
    }

    @Test(arguments: backends)
    func anUpgradedInstallationOpensWithItsSettingsLogsAndColumns(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend, logTimeZone: .shanghai) { database async throws in
            let storage = database.storage
            try await GeminiBalanceFixture.build(on: storage.driver, shape: .upgradedWithOldErrorLogs)

            let report = try await storage.prepare()
            #expect(report.openedGeminiBalanceDatabase)
            #expect(report.appliedMigrations == [1, 2, 3, 4, 5, 6, 7])

            // Settings come back exactly as gemini-balance wrote them.
            #expect(try await storage.loadSettings() == GeminiBalanceFixture.settings)

            // Log times were naive Shanghai time; they read back as the right instant.
            let instant = GeminiBalanceFixture.expectedLogInstant(for: backend.dialect)
            let requests = try await storage.recentRequestLogs(limit: 10)
            #expect(requests.count == 2)
            #expect(requests.allSatisfy { $0.time == instant })
            #expect(requests.map(\.isSuccess) == [false, true])
            #expect(requests.last?.model == "gemini-2.5-flash")
            #expect(requests.last?.tokenFingerprint == nil)

            let errors = try await storage.recentErrorLogs(limit: 10)
            #expect(errors.count == 2)
            #expect(errors.allSatisfy {
                $0.summary.time == instant && $0.summary.model == nil && $0.summary.errorType == nil && $0.summary.errorCode == nil
            })
            #expect(errors.first?.requestBody == nil, "the text `null` means no body")
            #expect(errors.last?.requestBody.map(Self.decodedText) == "你好")
            #expect(errors.last?.errorLog == "429 RESOURCE_EXHAUSTED: 配额已用尽 🙁")

            // Every original column is still there; the new ones were added.
            try await Self.expectOriginalColumnsKept(storage, shape: .upgradedWithOldErrorLogs)
            let errorColumns = try await storage.columnNames(of: "t_error_logs")
            #expect(Set(errorColumns).isSuperset(of: ["model_name", "error_type", "error_code"]))
            #expect(try await storage.columnNames(of: "t_request_log").contains("token_fingerprint"))
            #expect(try await storage.countRows(table: .fileRecords) == 1)

            // Opening it again is an ordinary start.
            let again = try await storage.prepare()
            #expect(!again.openedGeminiBalanceDatabase)
            #expect(again.appliedMigrations.isEmpty)
        }
    }

    @Test(arguments: backends)
    func anApril2025DatabaseGetsTheTablesItLacked(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend) { database async throws in
            let storage = database.storage
            try await GeminiBalanceFixture.build(on: storage.driver, shape: .april2025)
            let report = try await storage.prepare()
            #expect(report.openedGeminiBalanceDatabase)
            try await Self.expectOriginalColumnsKept(storage, shape: .april2025)
            #expect(try await storage.countRows(table: .requestLog) == 0)
            #expect(try await storage.countRows(table: .fileRecords) == 0)
            #expect(try await storage.loadSettings()["AUTH_TOKEN"] == "sk-admin-456")
        }
    }

    @Test(arguments: backends)
    func bothProgramsKeepWritingToTheSameTables(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend) { database async throws in
            let storage = database.storage
            try await GeminiBalanceFixture.build(on: storage.driver, shape: .upgradedWithOldErrorLogs)
            _ = try await storage.prepare()

            // Gemgate writes into the old tables…
            try await storage.saveSettings(["MAX_FAILURES": "5", "NEW_SETTING": "x"])
            try await storage.insertRequestLogs([
                RequestLogEntry(time: TestTimes.base, model: "gemini-2.5-flash", apiKey: "AIzaSyA-key-one",
                                isSuccess: true, statusCode: 200, latencyMs: 10, tokenFingerprint: "0123456789abcdef"),
            ])
            try await storage.insertErrorLogs([
                ErrorLogEntry(time: TestTimes.base, apiKey: "AIzaSyA-key-one", model: "gemini-2.5-pro",
                              errorType: "rate_limited", errorLog: "429", errorCode: 429, requestBody: nil),
            ])
            // …and gemini-balance's own statements, which name only its old columns, still work.
            let keyColumn = backend.dialect == .mysql ? "`key`" : "\"key\""
            let time = backend.dialect == .mysql ? "2026-11-28 09:00:00" : "2026-11-28 09:00:00.000000"
            try await storage.driver.execute(
                "INSERT INTO t_settings (\(keyColumn), value, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                [.text("GB_ONLY"), .text("1"), .text("GB_ONLY configuration setting"), .text(time), .text(time)])
            try await storage.driver.execute(
                "INSERT INTO t_error_logs (gemini_key, error_log, request_msg, request_time) VALUES (?, ?, ?, ?)",
                [.text("AIzaSyB-key-two"), .text("503"), .text("null"), .text(time)])
            try await storage.driver.execute(
                "INSERT INTO t_request_log (request_time, model_name, api_key, is_success, status_code, latency_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                [.text(time), .text("gemini-2.5-flash"), .text("AIzaSyB-key-two"), .int(1), .int(200), .int(3)])

            let settings = try await storage.loadSettings()
            #expect(settings["MAX_FAILURES"] == "5" && settings["NEW_SETTING"] == "x" && settings["GB_ONLY"] == "1")
            #expect(try await storage.countRows(table: .requestLog) == 4)
            #expect(try await storage.countRows(table: .errorLogs) == 4)
            let newest = try #require(try await storage.recentErrorLogs(limit: 2).last)
            #expect(newest.summary.model == "gemini-2.5-pro" && newest.summary.errorType == "rate_limited" && newest.summary.errorCode == 429)
        }
    }

    @Test(arguments: backends)
    func aLongErrorBodyIsFittedToGeminiBalancesOwnColumn(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend) { database async throws in
            let storage = database.storage
            try await GeminiBalanceFixture.build(on: storage.driver, shape: .upgradedWithOldErrorLogs)
            _ = try await storage.prepare()
            let body = String(repeating: "错误 error ", count: 80_000)  // about 1 MB
            try await storage.insertErrorLogs([
                ErrorLogEntry(time: TestTimes.base, apiKey: "k", model: "m", errorType: "x", errorLog: body, errorCode: 500),
            ])
            let stored = try #require(try await storage.recentErrorLogs(limit: 1).first?.errorLog)
            if backend.dialect == .mysql {
                // gemini-balance's column is TEXT (64 KB) and stays TEXT: the body is cut, and says so.
                #expect(stored.utf8.count <= 65_535)
                #expect(stored.contains("truncated by Gemgate"))
                #expect(body.hasPrefix(stored.components(separatedBy: "\n…[truncated").first ?? "#"))
            } else {
                #expect(stored == body)
            }
        }
    }

    @Test(arguments: backends)
    func aSettingTooLargeForGeminiBalancesColumnIsRefusedWhole(_ backend: StorageBackendUnderTest) async throws {
        try await withDatabase(backend) { database async throws in
            let storage = database.storage
            try await GeminiBalanceFixture.build(on: storage.driver, shape: .april2025)
            _ = try await storage.prepare()
            let large = String(repeating: "k", count: 100_000)
            if backend.dialect == .mysql {
                // gemini-balance's t_settings.value is TEXT (64 KB) on MySQL and stays TEXT.
                await #expect {
                    try await storage.saveSettings(["AUTH_TOKEN": "changed", "API_KEYS": large])
                } throws: { error in
                    guard case SQLStorageError.settingValueTooLarge(let key, _, let limit)? = error as? SQLStorageError
                    else { return false }
                    return key == "API_KEYS" && limit == 65_535
                }
                #expect(try await storage.loadSettings()["AUTH_TOKEN"] == "sk-admin-456", "nothing was saved")
            } else {
                try await storage.saveSettings(["API_KEYS": large])
                #expect(try await storage.loadSettings()["API_KEYS"] == large)
            }
        }
    }

    static func expectOriginalColumnsKept(_ storage: SQLStorage, shape: GeminiBalanceFixture.Shape) async throws {
        for (table, columns) in GeminiBalanceFixture.originalColumns(shape: shape) {
            let present = try await storage.columnNames(of: table)
            for column in columns {
                #expect(present.contains(column), "\(table).\(column) went missing")
            }
        }
    }

    /// The text inside the fixture's request JSON (stored with `\u` escapes).
    static func decodedText(_ json: String) -> String? {
        struct Part: Decodable { let text: String }
        struct Content: Decodable { let parts: [Part] }
        struct Body: Decodable { let contents: [Content] }
        return (try? JSONDecoder().decode(Body.self, from: Data(json.utf8)))?.contents.first?.parts.first?.text
    }
}
