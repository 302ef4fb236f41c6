import Foundation
import Gateway
import Testing

@testable import StorageSQL

/// The panel's time-window queries at the size the design promises: 1,000,000 request-log rows
/// and 10,000 keys. Slow to fill (a minute or more), so it runs only with
/// GEMGATE_TEST_STORAGE_SCALE=1; it prints its timings.
@Suite("Storage: scale", .enabled(if: ProcessInfo.processInfo.environment["GEMGATE_TEST_STORAGE_SCALE"] == "1"))
struct ScaleStorageTests {
    static let rows = 1_000_000
    static let keys = 10_000

    @Test(arguments: StorageBackendUnderTest.available)
    func timeWindowQueriesStayFastAtAMillionRows(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let clock = ContinuousClock()
            let end = TestTimes.base
            // A million calls over 30 days, spread over 10,000 keys and a few models.
            let fill = try await clock.measure {
                for start in stride(from: 0, to: Self.rows, by: 5_000) {
                    let batch = (start..<min(start + 5_000, Self.rows)).map { index in
                        RequestLogEntry(
                            time: end.addingTimeInterval(-Double(index) * 30 * 86_400 / Double(Self.rows)),
                            model: ["gemini-2.5-flash", "gemini-2.5-pro", "gemini-2.0-flash"][index % 3],
                            apiKey: "AIzaSy-scale-\(index % Self.keys)", isSuccess: index % 10 != 0,
                            statusCode: index % 10 == 0 ? 429 : 200, latencyMs: index % 2_000)
                    }
                    try await storage.insertRequestLogs(batch)
                }
            }
            try await storage.saveKeyStates((0..<Self.keys).map { KeyStateRecord(key: "AIzaSy-scale-\($0)") })

            let dialect = storage.dialect
            let since = storage.logTimes.string(from: end.addingTimeInterval(-86_400))
            let ts = dialect.timestampPlaceholder
            var counts: [String: Int] = [:]
            let windows = try await clock.measure {
                let total = try await storage.driver.query(
                    "SELECT COUNT(*) AS n FROM t_request_log WHERE request_time >= \(ts)", [.text(since)])
                counts["24h"] = total.first?["n"].int
                let failures = try await storage.driver.query(
                    "SELECT COUNT(*) AS n FROM t_request_log WHERE request_time >= \(ts) AND is_success = 0",
                    [.text(since)])
                counts["24h failures"] = failures.first?["n"].int
                let perKey = try await storage.driver.query(
                    "SELECT COUNT(*) AS n FROM t_request_log WHERE api_key = ? AND request_time >= \(ts)",
                    [.text("AIzaSy-scale-42"), .text(since)])
                counts["one key 24h"] = perKey.first?["n"].int
                let perModel = try await storage.driver.query(
                    "SELECT model_name, COUNT(*) AS n FROM t_request_log WHERE request_time >= \(ts)"
                        + " GROUP BY model_name", [.text(since)])
                counts["models"] = perModel.count
                _ = try await storage.recentRequestLogs(limit: 100)
                _ = try await storage.loadKeyStates()
            }
            let retention = try await clock.measure {
                counts["deleted"] = try await storage.deleteRequestLogs(before: end.addingTimeInterval(-29 * 86_400))
            }
            print("[scale \(backend.name)] fill \(fill), window queries \(windows), retention \(retention), \(counts)")
            #expect(counts["24h"] == Self.rows / 30 + 1)
            #expect(windows < .seconds(5))
        }
    }
}
