import Foundation
import Gateway
import StorageSQL
import Testing

@Suite("Storage: error logs (t_error_logs)")
struct ErrorLogStorageTests {
    @Test(arguments: StorageBackendUnderTest.available)
    func entriesRoundTripWithUnicodeJSONAndNulls(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            let entries = [
                ErrorLogEntry(time: TestTimes.at(0), apiKey: "AIzaSyA-key-one", model: "gemini-2.5-pro",
                              errorType: "rate_limited", errorLog: #"{"error": {"code": 429, "message": "配额 🙁"}}"#,
                              errorCode: 429, requestBody: #"{"contents": [{"parts": [{"text": "你好 👋"}]}]}"#),
                ErrorLogEntry(time: TestTimes.at(1), apiKey: nil, model: nil, errorType: "upstream_unavailable",
                              errorLog: "503 Service Unavailable", errorCode: nil, requestBody: nil),
            ]
            try await storage.insertErrorLogs(entries)

            let stored = try await storage.recentErrorLogs(limit: 10)
            #expect(stored.map(\.entry) == entries.reversed())
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func aOneMegabyteErrorBodyIsStoredWhole(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            // Mixed widths: 1-, 3- and 4-byte characters, about 1 MB in all.
            let unit = "error body 错误 🙁 "
            let body = String(repeating: unit, count: (1 << 20) / unit.utf8.count)
            try await storage.insertErrorLogs([
                ErrorLogEntry(time: TestTimes.base, apiKey: "AIza-big", model: "m", errorType: "x", errorLog: body,
                              errorCode: 500),
                ErrorLogEntry(time: TestTimes.base, apiKey: "AIza-small", model: "m", errorType: "x", errorLog: "small",
                              errorCode: 500),
            ])
            let stored = try await storage.recentErrorLogs(limit: 2)
            // Gemgate-created tables hold it on every database (LONGTEXT on MySQL).
            #expect(stored.last?.errorLog == body)
            #expect(stored.first?.errorLog == "small")
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func aRequestBodyThatIsNotJSONIsStoredAsAJSONString(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            try await storage.insertErrorLogs([
                ErrorLogEntry(time: TestTimes.base, apiKey: nil, model: nil, errorType: "bad_request",
                              errorLog: "400", errorCode: 400, requestBody: "not json {"),
            ])
            let stored = try await storage.recentErrorLogs(limit: 1)
            #expect(stored.first?.requestBody == #""not json {""#)
        }
    }

    @Test(arguments: StorageBackendUnderTest.available)
    func theTextNullReadsAsNoBody(_ backend: StorageBackendUnderTest) async throws {
        try await withPreparedStorage(backend) { storage async throws in
            // gemini-balance stored Python's None as the JSON text `null`.
            let time = backend.dialect == .mysql ? "2026-11-27 18:53:21" : "2026-11-27 18:53:21.000000"
            let timestamp = backend.dialect == .postgres ? "CAST(? AS TIMESTAMP)" : "?"
            try await storage.driver.execute(
                "INSERT INTO t_error_logs (gemini_key, error_log, request_msg, request_time) VALUES (?, ?, ?, \(timestamp))",
                [.text("AIza"), .text("500"), .text("null"), .text(time)])
            let stored = try #require(try await storage.recentErrorLogs(limit: 1).first)
            #expect(stored.requestBody == nil)
            #expect(stored.summary.errorType == nil)
            #expect(stored.summary.time == TestTimes.base)
        }
    }
}
