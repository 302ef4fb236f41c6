import Foundation
import StorageSQL
import Testing

@Suite("Storage: settings (t_settings)")
struct SettingsStorageTests {
    @Test(arguments: StorageBackendUnderTest.available)
    func upsertKeepsOneRowPerKeyAndTheNewestValue(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.saveSettings(["MAX_FAILURES": "3", "API_KEYS": #"["AIza-one"]"#, "PAID_KEY": ""])
            try await storage.saveSettings(["MAX_FAILURES": "5", "CUSTOM_HEADERS": #"{"X-说明": "中文 🙂"}"#])

            let loaded = try await storage.loadSettings()
            #expect(loaded == [
                "MAX_FAILURES": "5",
                "API_KEYS": #"["AIza-one"]"#,
                "PAID_KEY": "",
                "CUSTOM_HEADERS": #"{"X-说明": "中文 🙂"}"#,
            ])
            #expect(try await storage.countRows(table: .settings) == 4)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func rowsCarryGeminiBalanceDescriptionAndUTCTimes(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let before = Date().addingTimeInterval(-2)
            try await storage.saveSettings(["AUTH_TOKEN": "sk-admin"])
            let after = Date().addingTimeInterval(2)

            let rows = try await storage.driver.query(
                "SELECT description, \(timestampText("created_at", backend)) AS created_at FROM t_settings", [])
            #expect(rows.first?["description"] == .text("AUTH_TOKEN configuration setting"))
            guard case .text(let createdText)? = rows.first?["created_at"] else {
                Issue.record("created_at is not text: \(String(describing: rows.first?["created_at"]))")
                return
            }
            // Naive UTC: read as UTC it is now; read as Shanghai time it would be 8 hours off.
            let created = try #require(Self.naiveUTC(createdText))
            #expect(created >= before.addingTimeInterval(-1) && created <= after)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func aFailedSaveLeavesEverySettingAsItWas(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.saveSettings(["A_SETTING": "old", "B_SETTING": "old"])

            // The third upsert of five fails: the first two must be rolled back with it.
            let failing = SQLStorage(driver: FailingDriver(base: storage.driver, failingStatement: 3),
                                     logTimeZone: .shanghai, summary: storage.summary, logger: .quiet)
            await #expect(throws: FailingDriver.InjectedFailure.self) {
                try await failing.saveSettings([
                    "A_SETTING": "new", "B_SETTING": "new", "C_SETTING": "new", "D_SETTING": "new", "E_SETTING": "new",
                ])
            }
            #expect(try await storage.loadSettings() == ["A_SETTING": "old", "B_SETTING": "old"])

            // And the database is not left inside a transaction: the next save works.
            try await storage.saveSettings(["C_SETTING": "later"])
            #expect(try await storage.loadSettings()["C_SETTING"] == "later")
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func aTransactionBodyThatThrowsIsRolledBack(_ backend: StorageBackendUnderTest) async throws {
        struct Abort: Error {}
        try await withPreparedStorage(backend) { storage async throws in
            await #expect(throws: Abort.self) {
                try await storage.driver.transaction { connection in
                    try await connection.execute(
                        "INSERT INTO gg_key_state (api_key, status, consecutive_failures, cooldowns, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                        [.text("AIza-rolled-back"), .text("active"), .int(0), .text("[]"), .int(0)])
                    let inside = try await connection.query("SELECT COUNT(*) AS n FROM gg_key_state", [])
                    #expect(inside.first?["n"] == .int(1), "the transaction sees its own insert")
                    throw Abort()
                }
            }
            #expect(try await storage.countRows(table: .keyState) == 0)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func anEmptyOrOverlongKeyIsRefusedBeforeAnythingIsWritten(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            await #expect(throws: SQLStorageError.self) {
                try await storage.saveSettings(["GOOD": "1", String(repeating: "K", count: 101): "x"])
            }
            #expect(try await storage.loadSettings().isEmpty)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func tenThousandKeysFitInOneSetting(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            // About 420 KB of JSON: more than MySQL's TEXT, so Gemgate's own t_settings is larger.
            let keys = (0..<10_000).map { "\"AIzaSy\(String(repeating: "x", count: 30))\($0)\"" }
            let value = "[" + keys.joined(separator: ", ") + "]"
            try await storage.saveSettings(["API_KEYS": value])
            #expect(try await storage.loadSettings()["API_KEYS"] == value)
        }
    }

    private func timestampText(_ column: String, _ backend: StorageBackendUnderTest) -> String {
        switch backend.dialect {
        case .sqlite: return column
        case .mysql: return "CAST(\(column) AS CHAR)"
        case .postgres: return "CAST(\(column) AS TEXT)"
        }
    }

    private static func naiveUTC(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .utc
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: String(text.prefix(19)))
    }
}
